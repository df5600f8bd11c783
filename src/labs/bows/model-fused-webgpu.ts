/**
 * The bag-of-words model's training step (model.ts: h = W x over the window's words, x' = ReLU(Wᵀh
 * + b), MSE over all V outputs, AdamW with the cosine schedule) as TWO WebGPU programs a step, on
 * the pieces the fused steps share (src/nn/fused-webgpu.ts). A step's work (B·V·m products thrice)
 * is too much for one workgroup, and a dispatch has no barrier across workgroups, so:
 *  (1) rows, one workgroup per R batch rows (rowsPerGroup): h (a sum of Wᵀ's rows over the row's
 *      words), pre, the row's ∂L/∂pre = (x' − x)·step(pre)·2/(BV), ∂L/∂h = W ∂L/∂pre and the
 *      squared error, into a scratch tensor [B, V + 2m + 1]; each load of W serves the R rows;
 *  (2) parameters, one thread per tile of J rows × C columns of W, and one per b_v: its gradient (W:
 *      hᵀ∂L/∂pre plus the sum of ∂L/∂h over the rows holding its word; b: the column sum of
 *      ∂L/∂pre) and AdamW exactly as adamw.ts; the new state [1, stride] = W [m·V], b [V], AdamW's
 *      m and v, the loss, and a copy of W transposed that (1) reads h and ∂L/∂h along.
 * The tile sizes are where SwiftShader (a software adapter: 4 threads at a time on one core, paying for
 * every load and loop iteration) measured fastest; larger ones made it hang for minutes.
 * Every sum runs in the order of the op-by-op step's, so the weights equal wasm's bit for bit.
 * The schedule (lr, bias corrections) stays on the CPU (AdamWSchedule) and comes in as scalars, with
 * the batch as the sampler's (row, word) lists whatever the `encoder` setting (the same arithmetic
 * either way), all in one int32 tensor (packBowsBatch: one upload a step). The R rows' x live in
 * workgroup memory as bits [V], hence V ≤ 4,096 − 16 − m.
 */
import { tf, type Tensor } from '../../engine/tf';
import type { WeightSlot } from '../../engine/owned-run';
import { f32, fitsDevice, runFusedKernel, stepLoopProgram, THREADS } from '../../nn/fused-webgpu';
import { stateHolder, stateSlot } from '../../nn/fused-run';
import { AdamWSchedule, type AdamWConfig, type AdamWScalars } from './adamw';
import type { SparseBatch } from './batches';

export const BOWS_ROWS_KERNEL = 'GeometryLabBowsFusedRows';
export const BOWS_PARAMS_KERNEL = 'GeometryLabBowsFusedParams';
const ROWS_INPUTS = ['state', 'batch'];
const PARAMS_INPUTS = ['state', 'scratch', 'batch'];
/**
 * A step's inputs in one int32 tensor (one upload a step, not five): where words, wordStart,
 * rowsByWord and the scalars start, then rowStart [B+1] (from BATCH_HEADER), words [nnz],
 * wordStart [V+1], rowsByWord [nnz+1] and the three float32 scalars as their bits.
 */
const BATCH_HEADER = 4;

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
  /** Wᵀ (V·m, row-major [V, m]): a copy of W the rows program reads along m, kept by the parameters program. */
  transposed: number;
  stride: number;
}

export function bowsLayout({ V, m }: BowsShape): BowsLayout {
  const P = m * V + V;
  return { params: P, moment1: P, moment2: 2 * P, loss: 3 * P, transposed: 3 * P + 1, stride: 3 * P + 1 + m * V };
}

/** Floats per scratch row: ∂L/∂pre [V], ∂L/∂h [m], h [m], the row's squared error. */
const scratchWidth = ({ V, m }: BowsShape) => V + 2 * m + 1;

/** Workgroup memory in 4-byte words (16 KiB, WebGPU's guaranteed minimum). */
const WORKGROUP_WORDS = 4096;
/** Batch rows a workgroup of the rows program takes at most: each load of W serves this many rows. */
const MAX_ROWS_PER_GROUP = 8;
const ROWS_THREADS = 16;
/** Columns of Wᵀ (rows of W) a thread of the rows program takes for ∂L/∂h. */
const GH_COLUMNS = 2;
/** Columns of W a thread of the rows program takes for pre. */
const PRE_COLUMNS = 4;

/**
 * Rows per workgroup of the rows program: its workgroup memory holds x as bits [V], h [R·m] and the
 * loss's partial sums [T]. 0 when one row does not fit.
 */
export function rowsPerGroup({ V, m, batch }: BowsShape): number {
  return Math.max(0, Math.min(MAX_ROWS_PER_GROUP, batch, Math.floor((WORKGROUP_WORDS - V - ROWS_THREADS) / m)));
}

export function bowsFusedFits(shape: BowsShape): boolean {
  if (rowsPerGroup(shape) < 1) return false;
  return fitsDevice(
    Math.max(Math.ceil(paramThreads(shape) / THREADS), Math.ceil(shape.batch / rowsPerGroup(shape))),
    Math.max(bowsLayout(shape).stride, shape.batch * scratchWidth(shape)),
  );
}

interface Options extends BowsShape {
  weightDecay: number;
  epsilon: number;
}

const header = (o: Options, threads: number) => `
const V = ${o.V};
const M = ${o.m};
const B = ${o.batch};
const T = ${threads};
const SW = ${scratchWidth(o)};`;

/**
 * WGSL of a loop over `index` from `start` to `end`, `by` iterations at a time and then the rest one
 * by one (a loop's own cost is large on a software adapter). An iteration's loads come first, then
 * its sums, iteration after iteration, so that every sum keeps the order of the plain loop.
 */
function unrolledLoop(
  index: string,
  start: string,
  end: string,
  by: number,
  body: (at: string, u: string) => { loads: string; adds: string },
): string {
  const parts = Array.from({ length: by }, (_, u) => body(u === 0 ? index : `(${index} + ${u})`, `_${u}`));
  const one = body(index, '');
  return `var ${index} = ${start};
    for (; ${index} + ${by - 1} < ${end}; ${index} += ${by}) {
${parts.map((b) => b.loads).join('\n')}
${parts.map((b) => b.adds).join('\n')}
    }
    for (; ${index} < ${end}; ${index}++) {
${one.loads}
${one.adds}
    }`;
}

/** `body(i)` for i = 0…n−1, one after another: loops unrolled in the source, so that a thread's sums live in registers. */
const repeat = (n: number, body: (i: number) => string) => Array.from({ length: n }, (_, i) => body(i)).join('\n');
const perRow = repeat;

function rowsCode(o: Options): string {
  const R = rowsPerGroup(o);
  const L = bowsLayout(o);
  const jg = Math.min(GH_COLUMNS, o.m);
  const pc = Math.min(PRE_COLUMNS, o.V);
  const perPc = (body: (c: number) => string) => repeat(pc, body);
  const perJg = (body: (k: number) => string) => repeat(jg, body);
  return /* wgsl */ `${header(o, ROWS_THREADS)}
const R = ${R};
const RS = ${BATCH_HEADER};
const MQ = ${Math.ceil(o.m / jg)};
const VQ = ${Math.ceil(o.V / pc)};
const WT = ${L.transposed};
const SCALE = ${f32(2 / (o.batch * o.V))};
var<workgroup> xbits : array<atomic<u32>, V>;
var<workgroup> hs : array<f32, ${R * o.m}>;
var<workgroup> partial : array<f32, T>;

fn main(index : i32) {
  // A static use of the uniforms, or the automatic layout drops the binding tfjs fills.
  if (uniforms.batchShape < 0) { return; }
  let WA = batch[0];
  let r0 = i32(workgroupId.x) * R;
  let t = i32(localId.x);
  // x as bits: bit i of xbits[v] is row r0 + i's x_v (workgroup memory starts zeroed).
  if (t < R && r0 + t < B) {
    for (var k = batch[RS + r0 + t]; k < batch[RS + r0 + t + 1]; k++) { atomicOr(&xbits[batch[WA + k]], 1u << u32(t)); }
  }
  // h = W x: the row's words' rows of Wᵀ, summed in the order of the row's entries.
  for (var q = t; q < R * M; q += T) {
    let i = q / M;
    let j = q - i * M;
    var a = 0.0;
    if (r0 + i < B) {
      let kEnd = batch[RS + r0 + i + 1];
      ${unrolledLoop('k', 'batch[RS + r0 + i]', 'kEnd', 4, (k, u) => ({
        loads: `      let w${u} = state[WT + batch[WA + ${k}] * M + j];`,
        adds: `      a += w${u};`,
      }))}
      result[(r0 + i) * SW + V + M + j] = a;
    }
    hs[q] = a;
  }
  workgroupBarrier();
  // pre = Wᵀh + b, x' = ReLU(pre), ∂L/∂pre: thread q takes the columns v = q + c·VQ (c < PC), so
  // each load of W serves the group's R rows and each load of h PC columns.
  var lossPart = 0.0;
  for (var q = t; q < VQ; q += T) {
${perPc((c) => `    let v${c} = min(q + ${c} * VQ, V - 1);`)}
${perPc((c) => perRow(R, (r) => `    var a${r}_${c} = 0.0;`))}
    ${unrolledLoop('j', '0', 'M', 2, (j, u) => ({
      loads: `${perPc((c) => `      let w${c}${u} = state[${j} * V + v${c}];`)}
${perRow(R, (r) => `      let h${r}${u} = hs[${r} * M + ${j}];`)}`,
      adds: perPc((c) => perRow(R, (r) => `      a${r}_${c} += h${r}${u} * w${c}${u};`)),
    }))}
${perPc(
  (c) => `    if (q + ${c} * VQ < V) {
      let bv = state[M * V + v${c}];
      let bits = atomicLoad(&xbits[v${c}]);
${perRow(
  R,
  (r) => `      if (r0 + ${r} < B) {
        let pre = a${r}_${c} + bv;
        let diff = max(pre, 0.0) - f32((bits >> ${r}u) & 1u);
        lossPart += diff * diff;
        result[(r0 + ${r}) * SW + v${c}] = select(0.0, diff, pre > 0.0) * SCALE;
      }`,
)}
    }`,
)}
  }
  partial[t] = lossPart;
  storageBarrier();
  workgroupBarrier();
  // ∂L/∂h = W ∂L/∂pre along Wᵀ's rows, each sum over v in order: thread q takes j = q + k·MQ
  // (k < JG; neighbouring threads read neighbouring floats) for all R rows, so each load of Wᵀ
  // serves R products and each load of ∂L/∂pre JG.
  for (var q = t; q < MQ; q += T) {
${perJg((k) => `    let j${k} = min(q + ${k} * MQ, M - 1);`)}
${perRow(R, (r) => `    let row${r} = min(r0 + ${r}, B - 1) * SW;`)}
${perJg((k) => perRow(R, (r) => `    var g${r}_${k} = 0.0;`))}
    ${unrolledLoop('v', '0', 'V', 2, (v, u) => ({
      loads: `${perJg((k) => `      let w${k}${u} = state[WT + ${v} * M + j${k}];`)}
${perRow(R, (r) => `      let e${r}${u} = result[row${r} + ${v}];`)}`,
      adds: perJg((k) => perRow(R, (r) => `      g${r}_${k} += e${r}${u} * w${k}${u};`)),
    }))}
${perJg((k) => perRow(R, (r) => `    if (r0 + ${r} < B && q + ${k} * MQ < M) { result[row${r} + V + j${k}] = g${r}_${k}; }`))}
  }
  // The group's squared error goes to its first row, 0 to the others.
  if (t == 0) {
    var sum = 0.0;
    for (var k = 0; k < T; k++) { sum += partial[k]; }
    result[r0 * SW + SW - 1] = sum;
  }
  if (t > 0 && t < R && r0 + t < B) { result[(r0 + t) * SW + SW - 1] = 0.0; }
}
`;
}

/**
 * A thread of the parameters program updates a tile of W, J rows by C columns (the columns C apart
 * by V/C, so that neighbouring threads read neighbouring floats): each load of h serves C products,
 * each load of ∂L/∂pre J.
 */
const J = 8;
const C = 4;
const columnStride = (V: number) => Math.ceil(V / C);
/** Threads of the parameters program: one per tile of W, then one per b_v. */
const paramThreads = ({ V, m }: BowsShape) => Math.ceil(m / J) * columnStride(V) + V;

function paramsCode(o: Options): string {
  const L = bowsLayout(o);
  const JB = Math.ceil(o.m / J);
  const tile = (body: (jj: number, c: number) => string) => repeat(J * C, (k) => body(Math.floor(k / C), k % C));
  const cols = (body: (c: number) => string) => repeat(C, body);
  const perJ = (body: (jj: number) => string) => repeat(J, body);
  return /* wgsl */ `${header(o, THREADS)}
const BETA1 = ${f32(0.9)};
const BETA2 = ${f32(0.999)};
const ONE_MINUS_BETA1 = ${f32(1 - 0.9)};
const ONE_MINUS_BETA2 = ${f32(1 - 0.999)};
const EPS = ${f32(o.epsilon)};
const DECAYS = ${o.weightDecay !== 0};
const INV_BV = ${f32(1 / (o.batch * o.V))};
const JB = ${JB};
const VC = ${columnStride(o.V)};
const WT = ${L.transposed};

/** The schedule's scalars of this step: lr/(1 − β₁ᵗ), 1/(1 − β₂ᵗ), 1 − lr·λ. */
var<private> lrOverC1 : f32;
var<private> invC2 : f32;
var<private> decay : f32;

/** AdamW exactly as adamw.ts: moments, then the decayed weight less the step. */
fn update(p : i32, grad : f32, decays : bool) -> f32 {
  var decayed = state[p];
  if (DECAYS && decays) { decayed = state[p] * decay; }
  let m1 = state[${L.moment1} + p] * BETA1 + grad * ONE_MINUS_BETA1;
  let m2 = state[${L.moment2} + p] * BETA2 + (grad * grad) * ONE_MINUS_BETA2;
  result[${L.moment1} + p] = m1;
  result[${L.moment2} + p] = m2;
  let w = decayed - (m1 * lrOverC1) / (sqrt(m2 * invC2) + EPS);
  result[p] = w;
  return w;
}

/** W's gradient at (j, v) is the decoder's part d plus the encoder's (enc: ∂L/∂h summed over the rows holding word v); then AdamW. */
fn updateW(j : i32, v : i32, d : f32, enc : f32) {
  if (j < M && v < V) { result[WT + v * M + j] = update(j * V + v, d + enc, true); }
}

fn main(index : i32) {
  if (uniforms.batchShape < 0) { return; }
  let WS = batch[1];
  let RB = batch[2];
  let SC = batch[3];
  lrOverC1 = bitcast<f32>(batch[SC]);
  invC2 = bitcast<f32>(batch[SC + 1]);
  decay = bitcast<f32>(batch[SC + 2]);
  let p = i32(workgroupId.x) * T + i32(localId.x);
  if (p == 0) {
    var sum = 0.0;
    for (var r = 0; r < B; r++) { sum += scratch[r * SW + SW - 1]; }
    result[${L.loss}] = sum * INV_BV;
  }
  if (p < JB * VC) {
    let jb = p / VC;
    let v0 = p - jb * VC;
    let j0 = jb * ${J};
    // The decoder's part hᵀ∂L/∂pre over the rows in order; a tile's rows past m and columns past V
    // read valid floats and are dropped.
${tile((jj, c) => `    var d${jj}_${c} = 0.0;`)}
    ${unrolledLoop('r', '0', 'B', 2, (r, u) => ({
      loads: `${cols((c) => `      let g${c}${u} = scratch[${r} * SW + min(v0 + ${c} * VC, V - 1)];`)}
${perJ((jj) => `      let h${jj}${u} = scratch[${r} * SW + V + M + min(j0 + ${jj}, M - 1)];`)}`,
      adds: tile((jj, c) => `      d${jj}_${c} += h${jj}${u} * g${c}${u};`),
    }))}
${cols(
  (c) => `    {
      let v = min(v0 + ${c} * VC, V - 1);
${perJ((jj) => `      var e${jj} = 0.0;`)}
      for (var k = batch[WS + v]; k < batch[WS + v + 1]; k++) {
        let h = batch[RB + k] * SW + V;
${perJ((jj) => `        e${jj} += scratch[h + min(j0 + ${jj}, M - 1)];`)}
      }
${perJ((jj) => `      updateW(j0 + ${jj}, v0 + ${c} * VC, d${jj}_${c}, e${jj});`)}
    }`,
)}
  } else if (p < JB * VC + V) {
    let v = p - JB * VC;
    var grad = 0.0;
    ${unrolledLoop('r', '0', 'B', 4, (r, u) => ({ loads: `      let g${u} = scratch[${r} * SW + v];`, adds: `      grad += g${u};` }))}
    update(M * V + v, grad, false);
  }
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
  return {
    ...stepLoopProgram(
      `bowsRows_${keyOf(o)}`,
      ROWS_INPUTS,
      o.batch,
      scratchWidth(o),
      () => rowsCode(o),
      Math.ceil(o.batch / rowsPerGroup(o)),
    ),
    workgroupSize: [ROWS_THREADS, 1, 1] as [number, number, number],
  };
}

function paramsProgram(a: Record<string, number>) {
  const o = optionsOf(a);
  const L = bowsLayout(o);
  return stepLoopProgram(`bowsParams_${keyOf(o)}`, PARAMS_INPUTS, 1, L.stride, () => paramsCode(o), Math.ceil(paramThreads(o) / THREADS));
}

export interface BowsStepArgs extends BowsShape {
  weightDecay: number;
  /** AdamW's ε. */
  epsilon: number;
  /** [1, stride] (not disposed here). */
  state: Tensor;
  /** int32: the step's batch and scalars (packBowsBatch). */
  packed: Tensor;
}

/** Packs a batch and the step's scalars as the programs read them (BATCH_HEADER). */
export function packBowsBatch({ V, batch: B }: BowsShape, batch: SparseBatch, s: AdamWScalars): Int32Array {
  const { nnz } = batch;
  const rowStartAt = BATCH_HEADER;
  const wordsAt = rowStartAt + B + 1;
  const wordStartAt = wordsAt + Math.max(nnz, 1);
  const rowsByWordAt = wordStartAt + V + 1;
  const scalarsAt = rowsByWordAt + batch.rowsByWord.length;
  const out = new Int32Array(scalarsAt + 3);
  out.set([wordsAt, wordStartAt, rowsByWordAt, scalarsAt]);
  for (let k = 0; k < nnz; k++) out[rowStartAt + batch.rows[k]! + 1]!++;
  for (let r = 0; r < B; r++) out[rowStartAt + r + 1]! += out[rowStartAt + r]!;
  out.set(batch.words.subarray(0, nnz), wordsAt);
  for (let k = 0; k < nnz; k++) out[wordStartAt + batch.wordsSorted[k]! + 1]!++;
  for (let v = 0; v < V; v++) out[wordStartAt + v + 1]! += out[wordStartAt + v]!;
  out.set(batch.rowsByWord, rowsByWordAt);
  new Float32Array(out.buffer, scalarsAt * 4, 3).set([s.lrOverC1, s.invC2, s.decay]);
  return out;
}

/** One training step (two dispatches); returns the new state. WebGPU backend only. */
export function bowsFusedStep(a: BowsStepArgs): Tensor {
  const attrs = { V: a.V, m: a.m, batch: a.batch, weightDecay: a.weightDecay, epsilon: a.epsilon };
  const scratch = runFusedKernel(BOWS_ROWS_KERNEL, ROWS_INPUTS, rowsProgram, { state: a.state, batch: a.packed }, attrs);
  const next = runFusedKernel(BOWS_PARAMS_KERNEL, PARAMS_INPUTS, paramsProgram, { state: a.state, scratch, batch: a.packed }, attrs);
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
  const { V, m } = shape;
  const L = bowsLayout(shape);
  const init = new Float32Array(L.stride);
  init.set(w0, 0);
  init[L.loss] = NaN;
  for (let j = 0; j < m; j++) for (let v = 0; v < V; v++) init[L.transposed + v * m + j] = w0[j * V + v]!;
  const state = stateHolder(tf.tensor2d(init, [1, L.stride]));
  const schedule = new AdamWSchedule(opt);
  return {
    weights: { W: stateSlot(state, { from: 0, shape: [m, V] }), b: stateSlot(state, { from: m * V, shape: [1, V] }) },
    owned: [{ dispose: () => state.get().dispose() }],
    trainStep(withLoss) {
      const next = bowsFusedStep({
        ...shape,
        weightDecay: opt.weightDecay,
        epsilon: opt.epsilon ?? 1e-8,
        state: state.get(),
        packed: tf.tensor1d(packBowsBatch(shape, sample(), schedule.next()), 'int32'),
      });
      state.replace(next);
      return withLoss ? tf.reshape(tf.slice(state.get(), [0, L.loss], [1, 1]), []) : undefined;
    },
    onRestore(step) {
      schedule.reset(step);
      const old = state.get();
      state.replace(
        tf.tidy(() => {
          const W = tf.slice(old, [0, 0], [1, m * V]);
          const transposed = tf.reshape(tf.transpose(tf.reshape(W, [m, V])), [1, V * m]);
          return tf.concat([tf.slice(old, [0, 0], [1, L.params]), tf.zeros([1, L.transposed - L.params]), transposed], 1);
        }),
      );
    },
    tensors: () => ({
      W: tf.reshape(tf.slice(state.get(), [0, 0], [1, m * V]), [m, V]),
      b: tf.slice(state.get(), [0, m * V], [1, V]),
    }),
    currentLr: () => schedule.currentLr(),
  };
}
