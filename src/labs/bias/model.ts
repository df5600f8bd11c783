/**
 * The bias lab's MLP (DESIGN §5.6): inputs → width → width → rep → one logit per feature, trained
 * with Adam on the sum over features of each feature's mean binary cross-entropy. Learning order:
 * for the first N steps only one feature's loss is on.
 *
 * Speed: batches come from a pool of pre-made tensors (one picked per step, no slicing; their
 * transposes too), gradients are written out by hand (no tape; and Node's ESM build of tfjs-core
 * registers no gradients), and nothing is read back during steps; the loss scalar is computed only
 * for the last step of a call.
 *
 * Analysis: the run's analysis runs the network on a fixed probe set, reads back every hidden layer
 * and computes, per layer and feature, the variance explained (R²) and, per feature, the accuracy;
 * it appends them to a history kept here (so views can plot them over training) and projects each
 * layer on its top two principal components. The engine throttles it while the page plays;
 * headless, every snapshot is fresh, so results are deterministic.
 */
import { tf, type Tensor, type Variable } from '../../engine/tf';
import { adam } from '../../nn/adam';
import type { Rng } from '../../engine/rng';
import type { NamedTensor } from '../../engine/lab';
import { varianceExplainedByFeatures } from '../../analysis/variance-explained';
import { principalComponents, type Pca } from '../../analysis/pca-tracking';
import { balanced, sampleBatch, type DataSpec } from './features';
import type { Activation, LossKind } from './params';
import { ownedRun, variableSlot, type OwnedRun, type WeightSlot } from '../../engine/owned-run';

export interface BiasModelConfig {
  data: DataSpec;
  width: number;
  rep: number;
  activation: Activation;
  loss: LossKind;
  batch: number;
  lr: number;
  /** Index of the feature trained alone first, or −1. */
  first: number;
  firstSteps: number;
  /** Samples in the probe set (R², accuracy). */
  probe?: number;
  /** Multiplies the initial weights' standard deviation (1: He for ReLU/ELU, LeCun otherwise). */
  initScale?: number;
  /** Samples kept on the device for training. */
  poolSamples?: number;
}

import { LAYER_NAMES, PROBE_SAMPLES, PCA_POINTS, SCORE_ACCURACY } from './constants';
export { LAYER_NAMES, PROBE_SAMPLES, PCA_POINTS };
const POOL_SAMPLES = 32768;
const MIN_POOL_BATCHES = 8;
/** History entries kept; when full every other one is dropped (the latest is always kept). */
const MAX_HISTORY = 400;
let instanceCounter = 0;

function activate(x: Tensor, a: Activation): Tensor {
  switch (a) {
    case 'relu':
      return tf.relu(x);
    case 'tanh':
      return tf.tanh(x);
    case 'elu':
      return tf.elu(x);
    case 'sigmoid':
      return tf.sigmoid(x);
  }
}

/** Hidden activations of every layer and, last, the logits. `params` = [W1, b1, W2, b2, …]. */
export function mlpForward(params: readonly Tensor[], x: Tensor, activation: Activation): Tensor[] {
  const out: Tensor[] = [];
  const layers = params.length / 2;
  let h = x;
  for (let l = 0; l < layers; l++) {
    const z = tf.add(tf.matMul(h, params[2 * l]!), params[2 * l + 1]!);
    h = l < layers - 1 ? activate(z, activation) : z;
    out.push(h);
  }
  return out;
}

/** The activation's derivative written from its output h (and input z where needed). */
function activationGrad(h: Tensor, a: Activation): Tensor {
  switch (a) {
    case 'relu':
      return tf.step(h);
    case 'tanh':
      return tf.sub(1, tf.square(h));
    case 'elu':
      // h = z for z > 0, e^z − 1 otherwise: h' = 1 or h + 1.
      return tf.where(tf.greater(h, 0), tf.onesLike(h), tf.add(h, 1));
    case 'sigmoid':
      return tf.mul(h, tf.sub(1, h));
  }
}

/**
 * Hand-written backpropagation of L = Σ_{b,f} w_f · ℓ(z_bf, y_bf) through the MLP, where ℓ is the
 * binary cross-entropy of the logit z, or the squared error (z − t)² to the target t = 2y − 1, and
 * w holds the per-feature weights with 1/B folded in. `xT` is x transposed, `onesRow` a 1 × B row of ones
 * (sums over the batch as a product: faster in tfjs-wasm than a reduction over axis 0). Returns the
 * gradients in the order of `params` and, if asked, the loss.
 */
export function mlpGradients(
  params: readonly Tensor[],
  x: Tensor,
  xT: Tensor,
  y: Tensor,
  w: Tensor,
  onesRow: Tensor,
  activation: Activation,
  lossKind: LossKind,
  withLoss: boolean,
): { grads: Tensor[]; loss: Tensor | null } {
  const layers = params.length / 2;
  const hs = mlpForward(params, x, activation);
  const z = hs[layers - 1]!;
  // d BCE / dz = σ(z) − y;  d (z − t)² / dz = 2(z − t).
  const err = lossKind === 'bce' ? tf.sub(tf.sigmoid(z), y) : tf.mul(tf.sub(z, tf.sub(tf.mul(y, 2), 1)), 2);
  let dz = tf.mul(err, w);
  const grads: Tensor[] = new Array<Tensor>(params.length);
  for (let l = layers - 1; l >= 0; l--) {
    const inT = l === 0 ? xT : tf.transpose(hs[l - 1]!);
    grads[2 * l] = tf.matMul(inT, dz);
    grads[2 * l + 1] = tf.matMul(onesRow, dz);
    if (l > 0) {
      const dh = tf.matMul(dz, tf.transpose(params[2 * l]!));
      dz = tf.mul(dh, activationGrad(hs[l - 1]!, activation));
    }
  }
  let loss: Tensor | null = null;
  if (withLoss) {
    // Stable BCE with logits: max(z,0) − z·y + log(1 + e^−|z|).
    const per =
      lossKind === 'bce'
        ? tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), tf.softplus(tf.neg(tf.abs(z))))
        : tf.square(tf.sub(z, tf.sub(tf.mul(y, 2), 1)));
    loss = tf.sum(tf.mul(per, w));
  }
  return { grads, loss };
}

interface HistoryEntry {
  step: number;
  /** L × F. */
  r2: Float32Array;
  /** F. */
  acc: Float32Array;
}

export interface ProbeResult extends HistoryEntry {
  /** Per layer: projections of the first PCA_POINTS probe samples (n × 2) and PC variances. */
  pca: Pca[];
}

export function createBiasModel(cfg: BiasModelConfig, rng: Rng): OwnedRun {
  const { data, width, rep, batch: B } = cfg;
  const F = data.features.length;
  const L = LAYER_NAMES.length;
  const sizes = [data.inputs, width, width, rep, F];
  const id = instanceCounter++;

  // Initial weights first, so they do not depend on the pool size.
  const vars: Variable[] = [];
  for (let l = 0; l < sizes.length - 1; l++) {
    const fanIn = sizes[l]!;
    const fanOut = sizes[l + 1]!;
    const gain = l < sizes.length - 2 && (cfg.activation === 'relu' || cfg.activation === 'elu') ? 2 : 1;
    const std = Math.sqrt(gain / fanIn) * (cfg.initScale ?? 1);
    const w = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < w.length; i++) w[i] = rng.normal() * std;
    vars.push(tf.tidy(() => tf.variable(tf.tensor2d(w, [fanIn, fanOut]), true, `bias${id}_W${l + 1}`)));
    vars.push(tf.tidy(() => tf.variable(tf.zeros([1, fanOut]), true, `bias${id}_b${l + 1}`)));
  }

  const poolBatches = Math.max(MIN_POOL_BATCHES, Math.ceil((cfg.poolSamples ?? POOL_SAMPLES) / B));
  const poolX: Tensor[] = [];
  const poolXT: Tensor[] = [];
  const poolY: Tensor[] = [];
  for (let i = 0; i < poolBatches; i++) {
    const b = sampleBatch(data, B, rng);
    const x = tf.tensor2d(b.x, [B, data.inputs]);
    poolX.push(x);
    poolXT.push(tf.tidy(() => tf.transpose(x)));
    poolY.push(tf.tensor2d(b.y, [B, F]));
  }
  const onesRow = tf.ones([1, B]);
  const probeCount = cfg.probe ?? PROBE_SAMPLES;
  // The probe set is balanced (every label 1 half the time) whatever the training prevalence.
  const probe = sampleBatch(balanced(data), probeCount, rng);
  const probeX = tf.tensor2d(probe.x, [probeCount, data.inputs]);
  const probeLabels: Float32Array[] = Array.from({ length: F }, (_, f) => {
    const col = new Float32Array(probeCount);
    for (let i = 0; i < probeCount; i++) col[i] = probe.y[i * F + f]!;
    return col;
  });
  const pcaPoints = Math.min(PCA_POINTS, probeCount);

  // Per-feature loss weights, with the batch mean folded in.
  const weightAll = tf.fill([1, F], 1 / B);
  const firstOn = cfg.first >= 0 && cfg.first < F && cfg.firstSteps > 0;
  const weightFirst = tf.tensor2d(
    Array.from({ length: F }, (_, f) => (f === cfg.first ? 1 / B : 0)),
    [1, F],
  );
  const optimizer = adam(cfg.lr);

  const forward = (x: Tensor): Tensor[] => mlpForward(vars, x, cfg.activation);

  const trainStep = (withLoss: boolean, step: number): Tensor | undefined => {
    const k = rng.int(poolBatches);
    const w = firstOn && step < cfg.firstSteps ? weightFirst : weightAll;
    const { grads, loss } = mlpGradients(vars, poolX[k]!, poolXT[k]!, poolY[k]!, w, onesRow, cfg.activation, cfg.loss, withLoss);
    optimizer.applyGradients(vars.map((v, i) => ({ name: v.name, tensor: grads[i]! })));
    return loss ?? undefined;
  };

  // ---- probe: R², accuracy, PCA (the run's analysis) ----
  const history: HistoryEntry[] = [];
  let latest: ProbeResult | null = null;
  /** The latest probe at which every feature was ≥ SCORE_ACCURACY accurate: the scored shares. */
  let scored: HistoryEntry | null = null;
  const allLearned = (p: HistoryEntry): boolean => p.acc.every((a) => a >= SCORE_ACCURACY);

  const runProbe = async (stepCount: number): Promise<ProbeResult> => {
    const outs = tf.tidy(() => forward(probeX));
    let arrays: Float32Array[];
    try {
      arrays = (await Promise.all(outs.map((t) => t.data()))) as Float32Array[];
    } finally {
      tf.dispose(outs);
    }
    const r2 = new Float32Array(L * F);
    const pca: Pca[] = [];
    for (let l = 0; l < L; l++) {
      const d = sizes[l + 1]!;
      const values = varianceExplainedByFeatures({ data: arrays[l]!, n: probeCount, d }, probeLabels);
      values.forEach((v, f) => (r2[l * F + f] = v));
      const prev = latest?.pca[l]?.components;
      pca.push(
        principalComponents({ data: arrays[l]!.subarray(0, pcaPoints * d), n: pcaPoints, d }, 2, { init: prev, maxIter: prev ? 20 : 60 }),
      );
    }
    const logits = arrays[L]!;
    const acc = new Float32Array(F);
    for (let f = 0; f < F; f++) {
      let right = 0;
      const labels = probeLabels[f]!;
      for (let i = 0; i < probeCount; i++) if ((logits[i * F + f]! > 0 ? 1 : 0) === labels[i]) right++;
      acc[f] = right / probeCount;
    }
    return { step: stepCount, r2, acc, pca };
  };

  const record = (entry: HistoryEntry): void => {
    if (history.length && history[history.length - 1]!.step === entry.step) history.pop();
    history.push(entry);
    if (history.length > MAX_HISTORY) {
      const last = history[history.length - 1]!;
      const kept = history.filter((_, i) => i % 2 === 0);
      if (kept[kept.length - 1] !== last) kept.push(last);
      history.length = 0;
      history.push(...kept);
    }
  };

  const probeTensors = (p: ProbeResult): Record<string, NamedTensor> => {
    const T = history.length;
    const histStep = new Float32Array(T);
    const histR2 = new Float32Array(T * L * F);
    const histAcc = new Float32Array(T * F);
    history.forEach((h, t) => {
      histStep[t] = h.step;
      histR2.set(h.r2, t * L * F);
      histAcc.set(h.acc, t * F);
    });
    const pcaXY = new Float32Array(L * pcaPoints * 2);
    const pcaVar = new Float32Array(L * 3);
    p.pca.forEach((q, l) => {
      for (let i = 0; i < pcaPoints * 2; i++) pcaXY[l * pcaPoints * 2 + i] = q.projections[i] ?? 0;
      pcaVar[l * 3] = q.variances[0] ?? 0;
      pcaVar[l * 3 + 1] = q.variances[1] ?? 0;
      pcaVar[l * 3 + 2] = q.totalVariance;
    });
    return {
      r2: { shape: [L, F], data: p.r2.slice() },
      acc: { shape: [F], data: p.acc.slice() },
      probeStep: { shape: [1], data: new Float32Array([p.step]) },
      // NaN until every feature is learned (then finite for good: the last such probe is kept).
      scoredR2: { shape: [L, F], data: scored ? scored.r2.slice() : new Float32Array(L * F).fill(NaN) },
      scoredAcc: { shape: [F], data: scored ? scored.acc.slice() : new Float32Array(F).fill(NaN) },
      scoredStep: { shape: [1], data: new Float32Array([scored ? scored.step : NaN]) },
      histStep: { shape: [T], data: histStep },
      histR2: { shape: [T, L, F], data: histR2 },
      histAcc: { shape: [T, F], data: histAcc },
      pca: { shape: [L, pcaPoints, 2], data: pcaXY },
      pcaVar: { shape: [L, 3], data: pcaVar },
    };
  };

  const labels = new Float32Array(pcaPoints * F);
  for (let i = 0; i < pcaPoints; i++) for (let f = 0; f < F; f++) labels[i * F + f] = probeLabels[f]![i]!;

  const weights: Record<string, WeightSlot> = {};
  vars.forEach((v, i) => (weights[i % 2 === 0 ? `W${Math.floor(i / 2) + 1}` : `b${Math.floor(i / 2) + 1}`] = variableSlot(v)));

  return ownedRun({
    weights,
    owned: [optimizer, ...poolX, ...poolXT, ...poolY, onesRow, probeX, weightAll, weightFirst, ...vars],
    staticData: { pcaLabels: { shape: [pcaPoints, F], data: labels } },
    trainStep,
    analysisKeepsHistory: true,
    async analyse({ step }) {
      latest = await runProbe(step);
      record(latest);
      if (allLearned(latest)) scored = { step: latest.step, r2: latest.r2.slice(), acc: latest.acc.slice() };
      return probeTensors(latest);
    },
    onRestore(step) {
      // Keep the history up to the restored step.
      while (history.length && history[history.length - 1]!.step > step) history.pop();
      latest = null;
      if (scored && scored.step > step) scored = history.findLast(allLearned) ?? null;
    },
  });
}
