/**
 * Toy model of superposition (DESIGN §5.1; the superposition and capacity labs train it), batched over G independent models so that a sweep
 * trains a whole grid in one graph: h = W x, x' = ReLU(Wᵀh + b), loss Σ_i I_i (x_i − x'_i)².
 *
 * Speed notes (tfjs-wasm, measured): matMul with transpose flags is ~4× slower than an explicit
 * transpose followed by a plain matMul; a sum over the batch axis is ~6× slower than a product with
 * a ones row; W and b live in one variable so Adam runs once. Gradients are written by hand, and the
 * loss is only computed on steps whose value is read back.
 *
 * On the webgpu backend that graph is dozens of small dispatches a step, and tfjs-webgpu pays per
 * dispatch; there the whole step (forward, backward, Adam) runs as one fused WebGPU program, up to
 * 32 steps a dispatch (toy-model-fused-run.ts, toy-model-fused-webgpu.ts), from the same random
 * stream, to the same weights.
 */
import { tf, type Tensor, type Variable } from '../engine/tf';
import { adam } from './adam';
import { runHeapKernel } from './wasm-heap-kernel';
import { toyGradKernel, toySplitKernel } from './toy-model-wasm-kernels';
import type { Rng } from '../engine/rng';
import { ownedRun, type OwnedRun, type WeightSlot } from '../engine/owned-run';
import { createFusedToyModel } from './toy-model-fused-run';
import { fusedFits } from './toy-model-fused-webgpu';

export interface ToyModelConfig {
  /** Independent models trained side by side. */
  models: number;
  n: number;
  m: number;
  batch: number;
  lr: number;
  /** Per model: probability that a feature is zero. */
  sparsity: number[];
  /** Per model: the n feature importances. */
  importance: number[][];
}

/** Samples kept on the device; each step uses one whole pre-generated batch of them. */
const POOL_SAMPLES = 32768;
const MIN_POOL_BATCHES = 4;
let instanceCounter = 0;

function sampleBatch(cfg: ToyModelConfig, rng: Rng): Float32Array {
  const per = cfg.batch * cfg.n;
  const data = new Float32Array(cfg.models * per);
  let k = 0;
  for (let g = 0; g < cfg.models; g++) {
    const s = cfg.sparsity[g] ?? 0;
    for (let r = 0; r < per; r++) data[k++] = rng.next() < s ? 0 : rng.next();
  }
  return data;
}

/** Rows 0..m−1 hold W (Xavier-normal, std √(2/(m+n))), row m holds the bias (zero). */
function initialParameters(cfg: ToyModelConfig, rng: Rng): Float32Array {
  const { models, m, n } = cfg;
  const std = Math.sqrt(2 / (m + n));
  const p = new Float32Array(models * (m + 1) * n);
  for (let g = 0; g < models; g++) {
    const base = g * (m + 1) * n;
    for (let i = 0; i < m * n; i++) p[base + i] = rng.normal() * std;
  }
  return p;
}

export type ToyModelRun = OwnedRun;

export interface ToyModelOptions {
  /**
   * One fused WebGPU dispatch for several whole training steps (toy-model-fused-run.ts); the default
   * is to use it when the backend is webgpu and the model fits the device's storage bindings. False
   * keeps the op-by-op graph (for comparisons).
   */
  fused?: boolean;
  /** On wasm, the variable's split and its gradient's assembly as heap kernels (the default there); false keeps tfjs ops. */
  heapKernels?: boolean;
}

export function createToyModel(cfg: ToyModelConfig, rng: Rng, options: ToyModelOptions = {}): ToyModelRun {
  const { models: G, n, m, batch: B } = cfg;
  const poolBatches = Math.max(MIN_POOL_BATCHES, Math.ceil(POOL_SAMPLES / B));
  if (options.fused ?? (tf.getBackend() === 'webgpu' && fusedFits({ n, m, batch: B }, G, poolBatches))) {
    if (tf.getBackend() !== 'webgpu') throw new Error('the fused toy model needs the webgpu backend');
    // The same random stream as below: the pool's batches, then the parameters, then one batch index a step.
    const per = G * B * n;
    const poolData = new Float32Array(poolBatches * per);
    for (let i = 0; i < poolBatches; i++) poolData.set(sampleBatch(cfg, rng), i * per);
    const initialParams = initialParameters(cfg, rng);
    return createFusedToyModel({ ...cfg, pool: poolData, poolBatches, initialParams, nextBatch: () => rng.int(poolBatches) });
  }
  const pool: Tensor[] = [];
  for (let i = 0; i < poolBatches; i++) pool.push(tf.tensor3d(sampleBatch(cfg, rng), [G, B, n]));
  // 2/B folded into the importance: gradient of the batch-mean loss without an extra op.
  const scaledImportance = tf.tensor3d(
    cfg.importance.flat().map((v) => (2 * v) / B),
    [G, 1, n],
  );
  const onesRow = tf.ones([G, 1, B]);
  const half = tf.scalar(0.5);
  const id = instanceCounter++;
  const params: Variable = tf.tidy(() => tf.variable(tf.tensor3d(initialParameters(cfg, rng), [G, m + 1, n]), true, `toy${id}`));
  const optimizer = adam(cfg.lr);
  // On wasm, splitting the variable and assembling its gradient are heap kernels (toy-model-wasm-kernels.ts).
  const heapKernels = options.heapKernels ?? tf.getBackend() === 'wasm';
  const shape = { models: G, n, m };

  /** W and b are rows of one variable: each slot reads or writes its own rows. */
  const rows = (from: number, count: number): WeightSlot => ({
    shape: [G, count, n],
    read: async () => {
      const p = (await params.data()) as Float32Array;
      const out = new Float32Array(G * count * n);
      for (let g = 0; g < G; g++) out.set(p.subarray((g * (m + 1) + from) * n, (g * (m + 1) + from + count) * n), g * count * n);
      return out;
    },
    write: (data) =>
      tf.tidy(() => {
        const parts: Tensor[] = [];
        if (from > 0) parts.push(tf.slice(params, [0, 0, 0], [G, from, n]));
        parts.push(tf.tensor3d(data, [G, count, n]));
        if (from + count < m + 1) parts.push(tf.slice(params, [0, from + count, 0], [G, m + 1 - from - count, n]));
        params.assign(tf.concat(parts, 1));
      }),
  });

  /** W, Wᵀ and b out of the one variable. */
  const split = (): [Tensor, Tensor, Tensor] => {
    if (heapKernels) return runHeapKernel(toySplitKernel, { params }, shape) as [Tensor, Tensor, Tensor];
    const W = tf.slice(params, [0, 0, 0], [G, m, n]);
    return [W, tf.transpose(W, [0, 2, 1]), tf.slice(params, [0, m, 0], [G, 1, n])];
  };

  return ownedRun({
    models: G,
    weights: { W: rows(0, m), b: rows(m, 1) },
    owned: [optimizer, ...pool, scaledImportance, onesRow, half, params],
    trainStep(withLoss) {
      const x = pool[rng.int(poolBatches)]!;
      const [W, Wt, b] = split();
      const h = tf.matMul(x, Wt);
      const pre = tf.add(tf.matMul(h, W), b);
      const diff = tf.sub(tf.relu(pre), x);
      const weighted = tf.mul(scaledImportance, diff);
      const gPre = tf.mul(weighted, tf.step(pre));
      const gb = tf.matMul(onesRow, gPre);
      const gH = tf.matMul(gPre, Wt);
      const gW1 = tf.matMul(tf.transpose(h, [0, 2, 1]), gPre);
      const gW2 = tf.matMul(tf.transpose(gH, [0, 2, 1]), x);
      const grad = heapKernels ? runHeapKernel(toyGradKernel, { gW1, gW2, gb }, shape)[0]! : tf.concat([tf.add(gW1, gW2), gb], 1);
      optimizer.applyGradients([{ name: params.name, tensor: grad }]);
      // Σ I (x−x')² / B = ½ Σ (2I/B)(x−x') (x−x')
      return withLoss ? tf.mul(tf.sum(tf.mul(weighted, diff), [1, 2]), half) : undefined;
    },
  });
}
