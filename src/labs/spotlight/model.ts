/**
 * The spotlight autoencoder (DESIGN §5.3): d → h → k → h → d (linear output, MSE), trained for G
 * activation functions side by side in one graph on the same initial weights and the same batches.
 * Every hidden layer uses the model's activation: a Thomson basis applies to the k-wide bottleneck
 * (the h-wide layers use the same σ elementwise), an isotropic activation is isotropic everywhere.
 *
 * The first layer of all G models is one matrix (one matMul for the shared input); the others
 * are per model, stacked [G, ·, ·] in snapshots. Gradients are written out (activationGrad per
 * slice; autodiff's register_all_gradients cannot be loaded by tsx in Node), one Adam for all; the
 * tests check the activations' gradients against central differences and a whole step's against
 * a float64 forward pass.
 *
 * The two large weights, W1 [d, G·h] and each W4 [h, d], are kept transposed (W1ᵀ, W4ᵀ), and the
 * products that read them put them first. tfjs-wasm's XNNPACK packs a product's right-hand side
 * before multiplying, so a weight on the right is packed again at every step (W1: 400K floats,
 * about as long as the product itself at batch 64); on the left it is read as it is, and the
 * batch's activations (64 columns) are what gets packed. XNNPACK keeps the packed copy of a
 * right-hand side for as long as that tensor lives, so W1's gradient takes a fresh copy of the
 * batch on its right, not the pooled tensor: packed once per step and freed with it, where the
 * pooled one would stay packed for the run (the wasm heap grew by 43 MB over 1,000 steps, and every
 * batch's first use paid for its packing).
 * SRM (mean and s.d. over planes), the anisotropy against its rotation null and the reconstruction
 * error of a fixed probe set are the run's analysis (the engine decides when it runs; the SRM and the
 * null, pure and slow, run in a job worker while the page plays): the page, the metrics CSV and the
 * runner all read these tensors, so they show the same numbers.
 */
import { tf, type Tensor, type Variable } from '../../engine/tf';
import { adam } from '../../nn/adam';
import type { Rng } from '../../engine/rng';
import type { NamedTensor } from '../../engine/lab';
import type { Directions } from '../../analysis/thomson';
import { type ActivationSpec } from '../../analysis/activation-values';
import { activationGrad, applyActivation } from '../../nn/activations';
import { DEFAULT_ANGLES } from '../../analysis/srm';
import type { RowMatrix } from '../../analysis/row-matrix';
import { ANISOTROPY_KEYS } from '../../analysis/anisotropy';
import type { JobRunner } from '../../analysis/jobs';
import { ownedRun, variableSlot, type OwnedRun, type WeightSlot } from '../../engine/owned-run';

export interface AutoencoderConfig {
  inputDim: number;
  hidden: number;
  k: number;
  batch: number;
  lr: number;
  /** Adam (per-coordinate step sizes: itself a privileged basis) or SGD with momentum 0.9 (rotation-equivariant). */
  optimizer?: 'adam' | 'momentum';
  activations: ActivationSpec[];
  /** Training rows (n × inputDim), already shuffled/seeded. */
  train: Float32Array;
  /** Fixed probe rows for the analyses (P × inputDim), disjoint from train. */
  probe: Float32Array;
  probeLabels?: Uint8Array;
  /** SRM settings used for the snapshot's (and the runner's) metrics. */
  epsilon: number;
  maxPlanes: number;
}

/** The privileged directions an activation's SRM is measured against. */
export function privilegedBasis(spec: ActivationSpec, k: number): RowMatrix {
  if (spec.kind === 'elementwise' && spec.basis) return { rows: spec.basis.count, cols: spec.basis.dim, data: spec.basis.data };
  const data = new Float64Array(k * k);
  for (let i = 0; i < k; i++) data[i * k + i] = 1;
  return { rows: k, cols: k, data };
}

/** Same initial weights for every model: PyTorch's default U(−1/√fan_in, 1/√fan_in). */
function uniformInit(rng: Rng, fanIn: number, n: number): Float32Array {
  const bound = 1 / Math.sqrt(fanIn);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = (2 * rng.next() - 1) * bound;
  return out;
}

function tile(block: Float32Array, times: number): Float32Array {
  const out = new Float32Array(block.length * times);
  for (let g = 0; g < times; g++) out.set(block, g * block.length);
  return out;
}

/** A row-major [rows, cols] matrix transposed to [cols, rows]. */
function transposeRows(m: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = m[r * cols + c]!;
  return out;
}

/** [d, h] repeated side by side as [d, G·h]. */
function tileColumns(block: Float32Array, rows: number, cols: number, times: number): Float32Array {
  const out = new Float32Array(rows * cols * times);
  for (let r = 0; r < rows; r++) {
    for (let g = 0; g < times; g++) out.set(block.subarray(r * cols, (r + 1) * cols), r * cols * times + g * cols);
  }
  return out;
}

let instanceCounter = 0;

const ANISOTROPY_FIELDS = ANISOTROPY_KEYS.length;

export type SpotlightRun = OwnedRun;

export function createAutoencoder(cfg: AutoencoderConfig, rng: Rng): SpotlightRun {
  const { inputDim: d, hidden: h, k, batch: B } = cfg;
  const G = cfg.activations.length;
  if (G < 1) throw new Error('no activation to train');
  const nTrain = Math.floor(cfg.train.length / d);
  if (nTrain < B) throw new Error(`only ${nTrain} training rows for batch ${B}`);
  const P = Math.floor(cfg.probe.length / d);

  // A pool of pre-made batches: a seeded permutation of the training rows, cut into batches.
  const order = Array.from({ length: nTrain }, (_, i) => i);
  for (let i = nTrain - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const poolBatches = Math.floor(nTrain / B);
  const pool: Tensor[] = [];
  for (let b = 0; b < poolBatches; b++) {
    const buf = new Float32Array(B * d);
    for (let r = 0; r < B; r++) buf.set(cfg.train.subarray(order[b * B + r]! * d, (order[b * B + r]! + 1) * d), r * d);
    pool.push(tf.tensor2d(buf, [B, d]));
  }
  // The probe set transposed once: a constant right-hand side, so XNNPACK packs it once for the run.
  const probeT = tf.tidy(() => tf.transpose(tf.tensor2d(cfg.probe, [P, d])));

  const id = instanceCounter++;
  // Same initial weights for every model. W1 of all models is one matrix, kept as W1ᵀ [G·h, d] (one
  // matMul for the shared input); the other layers are per model 2-D (tfjs-wasm's batched matMul is
  // ~15× slower), W4 kept as W4ᵀ [d, h].
  const init = {
    W1: uniformInit(rng, d, d * h),
    b1: uniformInit(rng, d, h),
    W2: uniformInit(rng, h, h * k),
    b2: uniformInit(rng, h, k),
    W3: uniformInit(rng, k, k * h),
    b3: uniformInit(rng, k, h),
    W4: uniformInit(rng, h, h * d),
    b4: uniformInit(rng, h, d),
  };
  /** Each layer's variable; W4's is W4ᵀ. */
  const layerShapes = { W2: [h, k], b2: [1, k], W3: [k, h], b3: [1, h], W4: [d, h], b4: [1, d] } as const;
  type LayerName = keyof typeof layerShapes;
  const layerNames = Object.keys(layerShapes) as LayerName[];
  // tf.variable keeps its initial tensor alive unless that tensor is made inside a tidy.
  const W1T = tf.tidy(() =>
    tf.variable(tf.tensor2d(transposeRows(tileColumns(init.W1, d, h, G), d, G * h), [G * h, d]), true, `spot${id}_W1T`),
  );
  const b1 = tf.tidy(() => tf.variable(tf.tensor2d(tile(init.b1, G), [1, G * h]), true, `spot${id}_b1`));
  const layers: Array<Record<LayerName, Variable>> = [];
  for (let g = 0; g < G; g++) {
    const vs = {} as Record<LayerName, Variable>;
    for (const n of layerNames) {
      const values = n === 'W4' ? transposeRows(init.W4, h, d) : init[n];
      vs[n] = tf.tidy(() => tf.variable(tf.tensor2d(values, [...layerShapes[n]]), true, `spot${id}_${n}_${g}`));
    }
    layers.push(vs);
  }
  const allVars: Variable[] = [W1T, b1, ...layers.flatMap((l) => layerNames.map((n) => l[n]))];
  /** Snapshot layout (untransposed): W1 [d, G·h], b1 [1, G·h], the rest stacked [G, ...] with W4 [G, h, d]. */
  const snapshotShape = (n: LayerName): readonly number[] => (n === 'W4' ? [h, d] : layerShapes[n]);

  const bases = cfg.activations.map((spec) => {
    if (spec.kind !== 'elementwise' || !spec.basis) return undefined;
    const b = tf.tensor2d(Float32Array.from(spec.basis.data), [spec.basis.count, spec.basis.dim]);
    return { b, bT: tf.transpose(b) };
  });
  const hiddenSpecs: ActivationSpec[] = cfg.activations.map((s) => (s.kind === 'elementwise' ? { ...s, basis: null } : s));

  interface Layer {
    u: Tensor;
    y: Tensor;
  }
  const act = (g: number, u: Tensor, bottleneck: boolean): Layer => ({
    u,
    y: bottleneck ? applyActivation(cfg.activations[g]!, u, bases[g]) : applyActivation(hiddenSpecs[g]!, u),
  });
  const actBack = (g: number, l: Layer, grad: Tensor, bottleneck: boolean): Tensor =>
    activationGrad(bottleneck ? cfg.activations[g]! : hiddenSpecs[g]!, l.u, l.y, grad, bottleneck ? bases[g] : undefined);

  /** Rows x [n, d] given as xT [d, n]; each model's output comes transposed, outT [d, n]. */
  const forward = (xT: Tensor) => {
    const pre1 = tf.add(tf.transpose(tf.matMul(W1T, xT)), b1); // [n, G·h]
    const pre1s = G === 1 ? [pre1] : tf.split(pre1, G, 1);
    return layers.map((L, g) => {
      const a1 = act(g, pre1s[g]!, false);
      const z = act(g, tf.add(tf.matMul(a1.y, L.W2), L.b2), true);
      const a3 = act(g, tf.add(tf.matMul(z.y, L.W3), L.b3), false);
      const outT = tf.add(tf.matMul(L.W4, tf.transpose(a3.y)), tf.reshape(L.b4, [d, 1]));
      return { a1, z, a3, outT };
    });
  };
  /** Per-model mean squared error, [G]. */
  const perModelMse = (xT: Tensor, outTs: Tensor[]): Tensor => tf.stack(outTs.map((o) => tf.mean(tf.square(tf.sub(o, xT)))));

  const optimizer = cfg.optimizer === 'momentum' ? tf.train.momentum(cfg.lr, 0.9) : adam(cfg.lr);
  const onesB = tf.ones([1, B]);

  /** Gradients of Σ_g MSE_g for one batch given as xT [d, B], by hand. */
  const gradients = (xT: Tensor, fs: ReturnType<typeof forward>): Array<{ name: string; tensor: Tensor }> => {
    const out: Array<{ name: string; tensor: Tensor }> = [];
    const gP1: Tensor[] = [];
    fs.forEach((f, g) => {
      const L = layers[g]!;
      const gOutT = tf.mul(tf.sub(f.outT, xT), 2 / (B * d)); // [d, B]
      const gPre3 = actBack(g, f.a3, tf.transpose(tf.matMul(tf.transpose(L.W4), gOutT)), false);
      const gPre2 = actBack(g, f.z, tf.matMul(gPre3, tf.transpose(L.W3)), true);
      gP1.push(actBack(g, f.a1, tf.matMul(gPre2, tf.transpose(L.W2)), false));
      const grads: Record<LayerName, Tensor> = {
        W4: tf.matMul(gOutT, f.a3.y),
        b4: tf.reshape(tf.sum(gOutT, 1), [1, d]),
        W3: tf.matMul(tf.transpose(f.z.y), gPre3),
        b3: tf.matMul(onesB, gPre3),
        W2: tf.matMul(tf.transpose(f.a1.y), gPre2),
        b2: tf.matMul(onesB, gPre2),
      };
      for (const n of layerNames) out.push({ name: L[n].name, tensor: grads[n] });
    });
    const gP1all = G === 1 ? gP1[0]! : tf.concat(gP1, 1); // [B, G·h]
    // x again, as a fresh tensor (see the top of this file).
    out.push({ name: W1T.name, tensor: tf.matMul(tf.transpose(gP1all), tf.transpose(xT)) });
    out.push({ name: b1.name, tensor: tf.matMul(onesB, gP1all) });
    return out;
  };

  const basisMatrices = cfg.activations.map((spec) => privilegedBasis(spec, k));

  /** The probe set's codes and reconstruction error (tfjs, in the training worker). */
  const gather = async (lossPerModel: Float32Array): Promise<Record<string, NamedTensor>> => {
    const [z, err] = tf.tidy(() => {
      const fs = forward(probeT);
      return [
        tf.stack(fs.map((f) => f.z.y)),
        perModelMse(
          probeT,
          fs.map((f) => f.outT),
        ),
      ];
    });
    const [zData, errData] = await Promise.all([z.data(), err.data()]);
    tf.dispose([z, err]);
    return {
      latent: { shape: [G, P, k], data: Float32Array.from(zData) },
      reconstruction: { shape: [G], data: Float32Array.from(errData) },
      /** Per-model training loss of the latest step. */
      modelLoss: { shape: [G], data: Float32Array.from(lossPerModel) },
    };
  };

  /** SRM (mean and s.d. over planes) and the anisotropy against its rotation null: pure, and the slow part. */
  const geometry =
    (latent: NamedTensor) =>
    async (jobs: JobRunner): Promise<Record<string, NamedTensor>> => {
      const out = await jobs.run('latent-geometry', {
        latent: latent.data,
        models: G,
        k,
        bases: basisMatrices,
        epsilon: cfg.epsilon,
        maxPlanes: cfg.maxPlanes,
      });
      return {
        srm: { shape: [G, DEFAULT_ANGLES], data: out.srm },
        srmSd: { shape: [G, DEFAULT_ANGLES], data: out.srmSd },
        /** Per model: value, nullMean, nullLow, nullHigh, z (analysis/anisotropy.ts). */
        anisotropy: { shape: [G, ANISOTROPY_FIELDS], data: out.anisotropy },
      };
    };

  /** W2…b4 of the G models stacked as [G, ·, ·]: each model's own variable is one slice (W4's transposed back). */
  const stacked = (n: LayerName): WeightSlot => {
    const [rows, cols] = layerShapes[n];
    const size = rows * cols;
    const transposed = n === 'W4';
    return {
      shape: [G, ...snapshotShape(n)],
      read: async () => {
        const data = new Float32Array(G * size);
        const parts = await Promise.all(layers.map((L) => L[n].data()));
        parts.forEach((p, g) => data.set(transposed ? transposeRows(p as Float32Array, rows, cols) : p, g * size));
        return data;
      },
      write: (data) =>
        tf.tidy(() =>
          layers.forEach((L, g) => {
            const part = data.subarray(g * size, (g + 1) * size);
            L[n].assign(tf.tensor2d(transposed ? transposeRows(part, cols, rows) : part, [rows, cols]));
          }),
        ),
    };
  };
  /** W1 as [d, G·h], from and to its variable W1ᵀ. */
  const firstLayer: WeightSlot = {
    shape: [d, G * h],
    read: async () => transposeRows((await W1T.data()) as Float32Array, G * h, d),
    write: (data) => tf.tidy(() => W1T.assign(tf.tensor2d(transposeRows(data, d, G * h), [G * h, d]))),
  };

  const staticData: Record<string, NamedTensor> = {};
  basisMatrices.forEach((b, g) => (staticData[`basis${g}`] = { shape: [b.rows, b.cols], data: Float32Array.from(b.data) }));
  if (cfg.probeLabels) staticData.probeLabels = { shape: [P], data: Float32Array.from(cfg.probeLabels) };

  return ownedRun({
    models: G,
    weights: {
      W1: firstLayer,
      b1: variableSlot(b1),
      ...(Object.fromEntries(layerNames.map((n) => [n, stacked(n)])) as Record<LayerName, WeightSlot>),
    },
    owned: [optimizer, ...pool, probeT, onesB, ...allVars, ...bases.flatMap((b) => (b ? [b.b, b.bT] : []))],
    staticData,
    trainStep(withLoss) {
      const xT = tf.transpose(pool[rng.int(poolBatches)]!);
      const fs = forward(xT);
      optimizer.applyGradients(gradients(xT, fs));
      return withLoss
        ? perModelMse(
            xT,
            fs.map((f) => f.outT),
          )
        : undefined;
    },
    analyse: (ctx) => gather(ctx.lossPerModel),
    slowAnalysis: (gathered) => (gathered.latent ? geometry(gathered.latent) : null),
  });
}

export type { Directions };
