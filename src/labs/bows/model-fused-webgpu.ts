/**
 * The bag-of-words model's training step (model.ts: h = W x over the window's words, x' = ReLU(Wᵀh
 * + b), MSE over all V outputs, AdamW with the cosine schedule) as TWO WebGPU programs a step, on
 * the pieces the fused steps share (src/nn/fused-webgpu.ts). A step's work (B·V·m products thrice)
 * is too much for one workgroup, and a dispatch has no barrier across workgroups, so:
 *  (1) rows, one workgroup per batch row: h (a sum of W's columns over the row's words), pre, the
 *      row's ∂L/∂pre = (x' − x)·step(pre)·2/(BV), ∂L/∂h = W ∂L/∂pre and the row's squared error,
 *      into a scratch tensor [B, V + 2m + 1];
 *  (2) parameters, one thread per parameter: its gradient (W: hᵀ∂L/∂pre plus the sum of ∂L/∂h over
 *      the rows holding its word; b: the column sum of ∂L/∂pre) and AdamW exactly as adamw.ts; the
 *      new state [1, stride] = W [m·V], b [V], AdamW's m and v, the loss.
 * The schedule (lr, bias corrections) stays on the CPU (AdamWSchedule) and comes in as scalars; the
 * batch comes in as the sampler's (row, word) lists whatever the `encoder` setting (the same
 * arithmetic either way). A row's dense x lives in workgroup memory, hence V ≤ MAX_V.
 */
import { tf, type Tensor } from '../../engine/tf';
import type { WeightSlot } from '../../engine/owned-run';
import { f32, fitsDevice, runFusedKernel, stepLoopProgram, THREADS } from '../../nn/fused-webgpu';
import { stateHolder, stateSlot } from '../../nn/fused-run';
import { AdamWSchedule, type AdamWConfig } from './adamw';
import type { SparseBatch } from './batches';

export const BOWS_ROWS_KERNEL = 'GeometryLabBowsFusedRows';
export const BOWS_PARAMS_KERNEL = 'GeometryLabBowsFusedParams';
const ROWS_INPUTS = ['state', 'rowStart', 'words'];
const PARAMS_INPUTS = ['state', 'scratch', 'wordStart', 'rowsByWord', 'scalars'];
/** Floats of workgroup memory a row's dense x may take (16 KiB is WebGPU's guaranteed minimum). */
const MAX_V = 3072;

export interface BowsShape {
  V: number;
  m: number;
  batch: number;
}

export interface BowsLayout {
  /** W (m·V, row-major [m, V]) then b (V). */
  params: number;
  moment1: number;
  moment2: number;
  loss: number;
  stride: number;
}

export function bowsLayout({ V, m }: BowsShape): BowsLayout {
  const P = m * V + V;
  return { params: P, moment1: P, moment2: 2 * P, loss: 3 * P, stride: 3 * P + 1 };
}

/** Floats per scratch row: ∂L/∂pre [V], ∂L/∂h [m], h [m], the row's squared error. */
const scratchWidth = ({ V, m }: BowsShape) => V + 2 * m + 1;

export function bowsFusedFits(shape: BowsShape): boolean {
  if (shape.V > MAX_V) return false;
  const params = bowsLayout(shape).params;
  return fitsDevice(
    Math.max(Math.ceil(params / THREADS), shape.batch),
    Math.max(bowsLayout(shape).stride, shape.batch * scratchWidth(shape)),
  );
}

interface Options extends BowsShape {
  weightDecay: number;
  epsilon: number;
}

const header = (o: Options) => `
const V = ${o.V};
const M = ${o.m};
const B = ${o.batch};
const T = ${THREADS};
const SW = ${scratchWidth(o)};`;

function rowsCode(o: Options): string {
  return /* wgsl */ `${header(o)}
const SCALE = ${f32(2 / (o.batch * o.V))};
var<workgroup> hs : array<f32, M>;
var<workgroup> xs : array<f32, V>;
var<workgroup> partial : array<f32, T>;

fn main(index : i32) {
  // A static use of the uniforms, or the automatic layout drops the binding tfjs fills.
  if (uniforms.wordsShape < 0) { return; }
  let r = i32(workgroupId.x);
  let t = i32(localId.x);
  let out = r * SW;
  let w0 = rowStart[r];
  let w1 = rowStart[r + 1];
  for (var v = t; v < V; v += T) { xs[v] = 0.0; }
  workgroupBarrier();
  for (var k = w0 + t; k < w1; k += T) { xs[words[k]] = 1.0; }
  // h = W x: the row's words' columns of W, summed in the order of the row's entries.
  for (var j = t; j < M; j += T) {
    var a = 0.0;
    for (var k = w0; k < w1; k++) { a += state[j * V + words[k]]; }
    hs[j] = a;
    result[out + V + M + j] = a;
  }
  workgroupBarrier();
  var lossPart = 0.0;
  for (var v = t; v < V; v += T) {
    var pre = 0.0;
    for (var j = 0; j < M; j++) { pre += hs[j] * state[j * V + v]; }
    pre += state[M * V + v];
    let diff = max(pre, 0.0) - xs[v];
    lossPart += diff * diff;
    result[out + v] = select(0.0, diff, pre > 0.0) * SCALE;
  }
  partial[t] = lossPart;
  storageBarrier();
  workgroupBarrier();
  // ∂L/∂h = W ∂L/∂pre.
  for (var j = t; j < M; j += T) {
    var a = 0.0;
    for (var v = 0; v < V; v++) { a += result[out + v] * state[j * V + v]; }
    result[out + V + j] = a;
  }
  if (t == 0) {
    var sum = 0.0;
    for (var k = 0; k < T; k++) { sum += partial[k]; }
    result[out + SW - 1] = sum;
  }
}
`;
}

function paramsCode(o: Options): string {
  const L = bowsLayout(o);
  return /* wgsl */ `${header(o)}
const P = ${L.params};
const BETA1 = ${f32(0.9)};
const BETA2 = ${f32(0.999)};
const ONE_MINUS_BETA1 = ${f32(1 - 0.9)};
const ONE_MINUS_BETA2 = ${f32(1 - 0.999)};
const EPS = ${f32(o.epsilon)};
const DECAYS = ${o.weightDecay !== 0};
const INV_BV = ${f32(1 / (o.batch * o.V))};

fn main(index : i32) {
  if (uniforms.scalarsShape < 0) { return; }
  let p = i32(workgroupId.x) * T + i32(localId.x);
  if (p == 0) {
    var sum = 0.0;
    for (var r = 0; r < B; r++) { sum += scratch[r * SW + SW - 1]; }
    result[${L.loss}] = sum * INV_BV;
  }
  if (p >= P) { return; }
  var grad = 0.0;
  var decayed = state[p];
  if (p < M * V) {
    let j = p / V;
    let v = p % V;
    var dec = 0.0;
    for (var r = 0; r < B; r++) { dec += scratch[r * SW + V + M + j] * scratch[r * SW + v]; }
    var enc = 0.0;
    for (var k = wordStart[v]; k < wordStart[v + 1]; k++) { enc += scratch[rowsByWord[k] * SW + V + j]; }
    grad = dec + enc;
    if (DECAYS) { decayed = state[p] * scalars[2]; }
  } else {
    let v = p - M * V;
    for (var r = 0; r < B; r++) { grad += scratch[r * SW + v]; }
  }
  let m1 = state[${L.moment1} + p] * BETA1 + grad * ONE_MINUS_BETA1;
  let m2 = state[${L.moment2} + p] * BETA2 + (grad * grad) * ONE_MINUS_BETA2;
  result[${L.moment1} + p] = m1;
  result[${L.moment2} + p] = m2;
  result[p] = decayed - (m1 * scalars[0]) / (sqrt(m2 * scalars[1]) + EPS);
}
`;
}

const optionsOf = (a: Record<string, number>): Options => ({
  V: a.V!,
  m: a.m!,
  batch: a.batch!,
  weightDecay: a.weightDecay!,
  epsilon: a.epsilon!,
});
const keyOf = (o: Options) => `${o.V}_${o.m}_${o.batch}_${Math.fround(o.weightDecay)}_${Math.fround(o.epsilon)}`;

function rowsProgram(a: Record<string, number>) {
  const o = optionsOf(a);
  return stepLoopProgram(`bowsRows_${keyOf(o)}`, ROWS_INPUTS, o.batch, scratchWidth(o), () => rowsCode(o));
}

function paramsProgram(a: Record<string, number>) {
  const o = optionsOf(a);
  const L = bowsLayout(o);
  return stepLoopProgram(`bowsParams_${keyOf(o)}`, PARAMS_INPUTS, 1, L.stride, () => paramsCode(o), Math.ceil(L.params / THREADS));
}

export interface BowsStepArgs extends BowsShape {
  weightDecay: number;
  /** AdamW's ε. */
  epsilon: number;
  /** [1, stride] (not disposed here). */
  state: Tensor;
  /** int32 [B+1]: where each row's entries start in `words`. */
  rowStart: Tensor;
  /** int32 [nnz]: the batch's words, sorted by row. */
  words: Tensor;
  /** int32 [V+1]: where each word's entries start in `rowsByWord`. */
  wordStart: Tensor;
  /** int32 [nnz]: the rows of each word's entries, sorted by word. */
  rowsByWord: Tensor;
  /** float32 [3]: lr/(1 − β₁ᵗ), 1/(1 − β₂ᵗ), 1 − lr·λ. */
  scalars: Tensor;
}

/** One training step (two dispatches); returns the new state. WebGPU backend only. */
export function bowsFusedStep(a: BowsStepArgs): Tensor {
  const attrs = { V: a.V, m: a.m, batch: a.batch, weightDecay: a.weightDecay, epsilon: a.epsilon };
  const scratch = runFusedKernel(
    BOWS_ROWS_KERNEL,
    ROWS_INPUTS,
    rowsProgram,
    { state: a.state, rowStart: a.rowStart, words: a.words },
    attrs,
  );
  const next = runFusedKernel(
    BOWS_PARAMS_KERNEL,
    PARAMS_INPUTS,
    paramsProgram,
    { state: a.state, scratch, wordStart: a.wordStart, rowsByWord: a.rowsByWord, scalars: a.scalars },
    attrs,
  );
  scratch.dispose();
  return next;
}

/** What model.ts needs of a training path besides its analysis: the unfused one (AdamW) or this one. */
export interface BowsTraining {
  weights: { W: WeightSlot; b: WeightSlot };
  owned: Array<Tensor | { dispose(): void }>;
  trainStep(withLoss: boolean): Tensor | undefined;
  /** After a restore: AdamW's moments zeroed, its schedule at `step`. */
  onRestore(step: number): void;
  /** W [m, V] and b [1, V] (call inside a tidy). */
  tensors(): { W: Tensor; b: Tensor };
  currentLr(): number;
}

/** The bows model's training on the webgpu backend: the same weights (W [m, V], b [1, V]), schedule and batches as the unfused path. */
export function createFusedBowsTraining(shape: BowsShape, opt: AdamWConfig, w0: Float32Array, sample: () => SparseBatch): BowsTraining {
  const { V, m, batch: B } = shape;
  const L = bowsLayout(shape);
  const init = new Float32Array(L.stride);
  init.set(w0, 0);
  init[L.loss] = NaN;
  const state = stateHolder(tf.tensor2d(init, [1, L.stride]));
  const schedule = new AdamWSchedule(opt);
  const rowStart = new Int32Array(B + 1);
  const wordStart = new Int32Array(V + 1);
  return {
    weights: { W: stateSlot(state, { from: 0, shape: [m, V] }), b: stateSlot(state, { from: m * V, shape: [1, V] }) },
    owned: [{ dispose: () => state.get().dispose() }],
    trainStep(withLoss) {
      const batch = sample();
      const { nnz } = batch;
      rowStart.fill(0);
      for (let k = 0; k < nnz; k++) rowStart[batch.rows[k]! + 1]!++;
      for (let r = 0; r < B; r++) rowStart[r + 1]! += rowStart[r]!;
      wordStart.fill(0);
      for (let k = 0; k < nnz; k++) wordStart[batch.wordsSorted[k]! + 1]!++;
      for (let v = 0; v < V; v++) wordStart[v + 1]! += wordStart[v]!;
      const s = schedule.next();
      const next = bowsFusedStep({
        ...shape,
        weightDecay: opt.weightDecay,
        epsilon: opt.epsilon ?? 1e-8,
        state: state.get(),
        rowStart: tf.tensor1d(rowStart.slice(), 'int32'),
        words: tf.tensor1d(nnz > 0 ? batch.words.slice() : [0], 'int32'),
        wordStart: tf.tensor1d(wordStart.slice(), 'int32'),
        rowsByWord: tf.tensor1d(batch.rowsByWord.slice(), 'int32'),
        scalars: tf.tensor1d([s.lrOverC1, s.invC2, s.decay]),
      });
      state.replace(next);
      return withLoss ? tf.reshape(tf.slice(state.get(), [0, L.loss], [1, 1]), []) : undefined;
    },
    onRestore(step) {
      schedule.reset(step);
      const old = state.get();
      state.replace(tf.tidy(() => tf.concat([tf.slice(old, [0, 0], [1, L.params]), tf.zeros([1, L.stride - L.params])], 1)));
    },
    tensors: () => ({
      W: tf.reshape(tf.slice(state.get(), [0, 0], [1, m * V]), [m, V]),
      b: tf.slice(state.get(), [0, m * V], [1, V]),
    }),
    currentLr: () => schedule.currentLr(),
  };
}
