/**
 * Bag-of-words superposition (DESIGN §5.4): binary bags x ∈ {0,1}^V (windows of real mail, or
 * the authors' synthetic bags), a tied autoencoder h = W x (m ≪ V, no bias, no activation), x' = ReLU(Wᵀh + b), MSE
 * over all V outputs, AdamW with weight decay λ on W and a cosine learning-rate schedule.
 *
 * The input is sparse (≈6 of 2,000 words per window): the encoder W x is a gather-sum of W's
 * columns (tf.sparse.sparseSegmentSum over the (row, word) list) and its gradient (∂L/∂h)ᵀ x a
 * segment-sum by word, instead of two dense B×V×m products — `encoder: 'dense'` keeps the dense
 * products for comparison. Gradients are written by hand (no autodiff in the step). On wasm the
 * sparse step takes nn/segment-sum.ts for those sums and one kernel for the output layer and its
 * gradient (output-grad-kernel.ts), which reads the bags as the (row, word) list: the dense bags
 * are not uploaded there.
 *
 * On the webgpu backend the step is two WebGPU programs instead of dozens of small kernels
 * (model-fused-webgpu.ts), from the same batches and schedule, to the same weights.
 */
import { tf, type Tensor, type Variable } from '../../engine/tf';
import type { Rng } from '../../engine/rng';
import { createRng } from '../../engine/rng';
import { AdamW } from './adamw';
import { BatchSampler } from './batches';
import type { BowsSource } from './source';
import { clusterWords, columns, cyclePlane, encodeWords, pairDots, pcaMap } from './analysis';
import { cosineByCyclicDistance } from '../../analysis/cycle-structure';
import { pearson } from '../../analysis/pmi';
import { ownedRun, variableSlot, type OwnedRun } from '../../engine/owned-run';
import { bowsFusedFits, createFusedBowsTraining, type BowsTraining } from './model-fused-webgpu';
import type { SparseBatch } from './batches';
import { bowsOutputGrad } from './output-grad-kernel';
import { segmentSum } from '../../nn/segment-sum';

export type Encoder = 'sparse' | 'dense';

export interface BowsConfig {
  V: number;
  m: number;
  batch: number;
  lr: number;
  weightDecay: number;
  horizon: number;
  /** The cosine schedule ends at this fraction of lr. */
  lrEnd: number;
  encoder: Encoder;
}

import { STAT_KEYS, CLUSTER_WORDS, CLUSTERS, SCATTER_PAIRS, cycleTensor, type StatKey } from './constants';
import type { NamedTensor } from '../../engine/lab';
export { STAT_KEYS, CLUSTER_WORDS, CLUSTERS, SCATTER_PAIRS, type StatKey };

const EVAL_WINDOWS = 512;

let instanceCounter = 0;

export interface BowsRun extends OwnedRun {
  readonly config: BowsConfig;
}

/** The data-side read-outs of the source's cycles, constant for a run. */
function dataCycleTensors(source: BowsSource): Record<string, NamedTensor> {
  const out: Record<string, NamedTensor> = {};
  for (const c of source.cycles) {
    const n = c.ids.length;
    out[cycleTensor(c.name, 'ids')] = { shape: [n], data: Float32Array.from(c.ids) };
    out[cycleTensor(c.name, 'dataXY')] = { shape: [n, 2], data: Float32Array.from(c.data.plane.xy) };
    out[cycleTensor(c.name, 'simDataPmi')] = { shape: [c.data.pmiByDistance.length], data: Float32Array.from(c.data.pmiByDistance) };
    out[cycleTensor(c.name, 'simDataCos')] = { shape: [c.data.cosineByDistance.length], data: Float32Array.from(c.data.cosineByDistance) };
  }
  return out;
}

/** The op-by-op step: tfjs kernels and AdamW over two variables. */
function unfusedTraining(cfg: BowsConfig, w0: Float32Array, sampler: BatchSampler, sample: () => SparseBatch): BowsTraining {
  const { V, m, batch: B } = cfg;
  const id = instanceCounter++;
  const W: Variable = tf.tidy(() => tf.variable(tf.tensor2d(w0, [m, V]), true, `bowsW${id}`));
  const b: Variable = tf.tidy(() => tf.variable(tf.zeros([1, V]), true, `bowsB${id}`));
  const opt = new AdamW(
    [
      { variable: W, decay: true },
      { variable: b, decay: false },
    ],
    { lr: cfg.lr, weightDecay: cfg.weightDecay, horizon: cfg.horizon, finalFraction: cfg.lrEnd },
  );
  const onesRow = tf.ones([1, B]);
  const zeroRow = tf.zeros([1, m]);
  const scale = tf.scalar(2 / (B * V));
  return {
    weights: { W: variableSlot(W), b: variableSlot(b) },
    owned: [opt, W, b, onesRow, zeroRow, scale],
    trainStep(withLoss) {
      const batch = sample();
      const sparse = cfg.encoder === 'sparse';
      // On wasm the sparse step's output layer is one heap kernel that reads the bags as their
      // (row, word) list; elsewhere, and for the dense encoder, the dense bags are uploaded.
      const outputKernel = sparse && tf.getBackend() === 'wasm';
      const x = outputKernel ? undefined : tf.tensor2d(sampler.dense, [B, V]);
      // The by-word lists end with a padding entry (a zero row) for tfjs's SparseSegmentSum, which
      // sizes its output from the last segment; segmentSum is told its size and skips it.
      const byWord = outputKernel ? batch.nnz : batch.nnz + 1;
      const idx = sparse
        ? [
            tf.tensor1d(batch.words, 'int32'),
            tf.tensor1d(batch.rows, 'int32'),
            tf.tensor1d(batch.rowsByWord.subarray(0, byWord), 'int32'),
            tf.tensor1d(batch.wordsSorted.subarray(0, byWord), 'int32'),
          ]
        : [];
      const Wt = tf.transpose(W); // V×m
      if (outputKernel) {
        // The encoder's gather-sum and its gradient as segment sums over the (row, word) lists.
        const h = segmentSum(Wt, idx[0]!, idx[1]!, B); // B×m
        const hW = tf.matMul(h, W); // B×V
        const out = bowsOutputGrad(hW, b, { rows: batch.rows, words: batch.words, scale: 2 / (B * V) });
        const gH = tf.matMul(out.gPre, Wt); // B×m
        // ∂L/∂W's decoder part as (∂L/∂pre)ᵀ h, so that the fresh B×V gradient is on the left.
        const gDecT = tf.matMul(out.gPreT, h); // V×m
        const gEncT = segmentSum(gH, idx[2]!, idx[3]!, V); // V×m
        opt.apply([tf.transpose(tf.add(gDecT, gEncT)), out.gb]);
        return withLoss ? out.loss : undefined;
      }
      const h = sparse ? tf.sparse.sparseSegmentSum(Wt, idx[0]!, idx[1]!) : tf.matMul(x!, Wt); // B×m
      const hW = tf.matMul(h, W); // B×V
      const pre = tf.add(hW, b);
      const diff = tf.sub(tf.relu(pre), x!);
      const gPre = tf.mul(tf.mul(diff, tf.step(pre)), scale);
      const gb = tf.matMul(onesRow, gPre);
      const gH = tf.matMul(gPre, Wt); // B×m
      const gDec = tf.matMul(tf.transpose(h), gPre); // m×V
      const gEnc = sparse
        ? tf.transpose(tf.sparse.sparseSegmentSum(tf.concat([gH, zeroRow]), idx[2]!, idx[3]!)) // (V×m)ᵀ
        : tf.matMul(tf.transpose(gH), x!);
      opt.apply([tf.add(gDec, gEnc), gb]);
      return withLoss ? tf.mean(tf.square(diff)) : undefined;
    },
    onRestore: (step) => opt.reset(step),
    tensors: () => ({ W, b }),
    currentLr: () => opt.currentLr(),
  };
}

export interface BowsModelOptions {
  /**
   * The two-program WebGPU step (model-fused-webgpu.ts); the default is to use it when the backend
   * is webgpu and the model fits the device. False keeps the op-by-op graph (for comparisons).
   */
  fused?: boolean;
}

export function createBowsModel(cfg: BowsConfig, source: BowsSource, rng: Rng, options: BowsModelOptions = {}): BowsRun {
  const { V, m, batch: B } = cfg;
  if (V !== source.V) throw new Error('the data source has another vocabulary size');
  const sampler = new BatchSampler(source, V, B, source.maxWords);
  const std = Math.sqrt(2 / (m + V));
  const w0 = new Float32Array(m * V);
  for (let k = 0; k < w0.length; k++) w0[k] = rng.normal() * std;
  const sample = () => sampler.sample(rng);
  const fused = options.fused ?? (tf.getBackend() === 'webgpu' && bowsFusedFits({ V, m, batch: B }));
  if (fused && tf.getBackend() !== 'webgpu') throw new Error('the fused bows model needs the webgpu backend');
  const training = fused
    ? createFusedBowsTraining(
        { V, m, batch: B },
        { lr: cfg.lr, weightDecay: cfg.weightDecay, horizon: cfg.horizon, finalFraction: cfg.lrEnd },
        w0,
        sample,
      )
    : unfusedTraining(cfg, w0, sampler, sample);

  // Fixed evaluation windows (the same for every seed) for precision / recall.
  const evalRng = createRng(90210);
  const evalSampler = new BatchSampler(source, V, EVAL_WINDOWS, source.maxWords);
  evalSampler.sample(evalRng);
  const evalX = tf.tensor2d(evalSampler.dense, [EVAL_WINDOWS, V]);
  let evalPositives = 0;
  for (const v of evalSampler.dense) evalPositives += v;

  const headline = source.cycles[0];
  const weekdays = source.cycles.find((c) => c.name === 'weekdays');
  const dataTensors = dataCycleTensors(source);
  const vocabCodes = encodeWords(source.words);
  const scatterN = Math.min(SCATTER_PAIRS, source.pairI.length);
  const clusterWordCount = Math.min(CLUSTER_WORDS, V);
  const clusterCount = Math.max(2, Math.min(CLUSTERS, Math.floor(V / 2)));

  const analyse = async (w: Float32Array, step: number): Promise<Record<string, NamedTensor>> => {
    const [tp, predicted] = tf.tidy((): [Tensor, Tensor] => {
      const { W, b } = training.tensors();
      const out = tf.relu(tf.add(tf.matMul(tf.matMul(evalX, tf.transpose(W)), W), b));
      const pred = tf.cast(tf.greater(out, 0.5), 'float32');
      return [tf.sum(tf.mul(pred, evalX)), tf.sum(pred)];
    });
    const [tpv, pv] = await Promise.all([tp.data(), predicted.data()]);
    tf.dispose([tp, predicted]);
    const dots = pairDots(w, m, V, source.pairI, source.pairJ);
    const score = (ids: readonly number[] | undefined) => (ids && ids.length >= 3 ? cyclePlane(w, m, V, ids).score : NaN);
    const clusters = clusterWords(w, m, V, clusterWordCount, clusterCount);
    const cycleSims: Record<string, NamedTensor> = {};
    for (const c of source.cycles) {
      const sims = Float32Array.from(cosineByCyclicDistance(columns(w, m, V, c.ids), c.ids.length, m, c.at));
      cycleSims[cycleTensor(c.name, 'simModel')] = { shape: [sims.length], data: sims };
    }
    const statVals: Record<StatKey, number> = {
      pmiCorrelation: pearson(source.pairPmi, dots),
      cycleOrderScore: score(headline?.ids),
      dataCycleOrderScore: headline?.data.plane.score ?? NaN,
      weekdayCycleOrderScore: score(weekdays?.ids),
      dataWeekdayCycleOrderScore: weekdays?.data.plane.score ?? NaN,
      cycleItems: headline?.ids.length ?? 0,
      monthsInVocab: source.cycles.find((c) => c.name === 'months')?.ids.length ?? 0,
      precision: pv[0]! > 0 ? tpv[0]! / pv[0]! : 0,
      recall: evalPositives > 0 ? tpv[0]! / evalPositives : 0,
      lr: training.currentLr(),
      weightDecay: cfg.weightDecay,
      windows: source.info.windows,
      coverage: source.info.coverage,
      coverageNonStop: source.info.coverageNonStop,
      pmiPairs: source.pairCount,
      docs: source.info.docs,
      records: source.info.records,
      tokens: source.info.tokens,
      analysisStep: step,
    };
    const t = (data: Float32Array, shape: number[]) => ({ shape, data });
    return {
      stats: t(
        Float32Array.from(STAT_KEYS, (k) => statVals[k]),
        [STAT_KEYS.length],
      ),
      pca: t(pcaMap(w, m, V), [V, 2]),
      clusterOrder: t(Float32Array.from(clusters.order), [clusters.order.length]),
      clusterLabel: t(Float32Array.from(clusters.labels), [V]),
      pairDot: t(dots.slice(0, scatterN), [scatterN]),
      ...cycleSims,
    };
  };

  const staticData: Record<string, NamedTensor> = {
    vocab: { shape: [vocabCodes.length], data: vocabCodes },
    pairI: { shape: [scatterN], data: Float32Array.from(source.pairI.subarray(0, scatterN)) },
    pairJ: { shape: [scatterN], data: Float32Array.from(source.pairJ.subarray(0, scatterN)) },
    pairPmi: { shape: [scatterN], data: Float32Array.from(source.pairPmi.subarray(0, scatterN)) },
    ...dataTensors,
  };

  const run = ownedRun({
    weights: training.weights,
    owned: [...training.owned, evalX],
    staticData,
    trainStep: (withLoss) => training.trainStep(withLoss),
    analyse: (ctx) => analyse(ctx.weights.W.data, ctx.step),
    onRestore: (step) => training.onRestore(step),
  });
  return { ...run, config: cfg };
}
