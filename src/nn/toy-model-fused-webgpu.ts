/**
 * The toy model's whole training step (forward, hand-written backward, Adam) as ONE WebGPU compute
 * program, several steps per dispatch: tfjs-webgpu pays per dispatch, and the unfused step runs
 * dozens of small kernels. The frame (state row, step loop, Adam, kernel registration) is shared
 * with the other fused steps (fused-webgpu.ts).
 *
 * One workgroup per model. Per step: (A) the threads split the batch rows and write h = W x,
 * gPre = (2I/B)(x' − x)·step(pre) and gH = W gPre to the model's scratch rows; (B) the threads
 * split the parameters, sum their gradient over the batch and apply Adam exactly as tf.train.adam
 * does it.
 *
 * State, one row per model ([G, stride]): params P = (m+1)·n (W rows then the bias row, the layout
 * of the unfused path's variable), Adam m [P], Adam v [P], the last loss, β₁ᵗ, β₂ᵗ, then scratch
 * B·(2m+n) that only lives within a dispatch.
 */
import { tf, type Tensor } from '../engine/tf';
import {
  adamStateLayout,
  fitsDevice,
  initialAdamState,
  runFusedKernel,
  stepLoopProgram,
  stepLoopWgsl,
  type AdamStateLayout,
} from './fused-webgpu';

export const FUSED_KERNEL = 'GeometryLabToyModelFusedSteps';
const INPUTS = ['state', 'pool', 'imp', 'idx'];

export interface FusedShape {
  n: number;
  m: number;
  batch: number;
}

export type FusedLayout = AdamStateLayout;

export function fusedLayout({ n, m, batch }: FusedShape): FusedLayout {
  return adamStateLayout((m + 1) * n, batch * (2 * m + n));
}

/** Initial state for G models from their parameters ([G, m+1, n] flattened): zero moments, β₁¹ and β₂¹. */
export function initialFusedState(shape: FusedShape, models: number, params: Float32Array): Float32Array {
  return initialAdamState(fusedLayout(shape), models, params);
}

/**
 * Whether the fused program fits the current WebGPU device: one workgroup row of G models, and the
 * pool and state tensors each within one storage binding (the unfused path binds a batch at a time).
 */
export function fusedFits(shape: FusedShape, models: number, poolBatches: number): boolean {
  return fitsDevice(models, Math.max(poolBatches * models * shape.batch * shape.n, models * fusedLayout(shape).stride));
}

interface ProgramOptions extends FusedShape {
  models: number;
  lr: number;
  epsilon: number;
}

function userCode(o: ProgramOptions): string {
  const { n: N, m: M, batch: B } = o;
  const L = fusedLayout(o);
  const scrH = L.scratch;
  const scrGH = scrH + B * M;
  const scrGP = scrGH + B * M;
  return stepLoopWgsl({
    L,
    models: o.models,
    lr: o.lr,
    epsilon: o.epsilon,
    header: `const N = ${N};\nconst M = ${M};\nconst B = ${B};`,
    stepStart: `let xb = (idx[s] * G + g) * B * N;`,
    rows: /* wgsl */ `
    for (var r = t; r < B; r += T) {
      let xr = xb + r * N;
      var h : array<f32, M>;
      var gh : array<f32, M>;
      for (var j = 0; j < M; j++) {
        var a = 0.0;
        for (var i = 0; i < N; i++) { a += result[base + j * N + i] * pool[xr + i]; }
        h[j] = a;
        gh[j] = 0.0;
      }
      for (var i = 0; i < N; i++) {
        var pre = 0.0;
        for (var j = 0; j < M; j++) { pre += h[j] * result[base + j * N + i]; }
        pre += result[base + M * N + i];
        let diff = max(pre, 0.0) - pool[xr + i];
        let weighted = imp[g * N + i] * diff;
        lossPart += weighted * diff;
        let gp = select(0.0, weighted, pre > 0.0);
        result[base + ${scrGP} + r * N + i] = gp;
        for (var j = 0; j < M; j++) { gh[j] += gp * result[base + j * N + i]; }
      }
      for (var j = 0; j < M; j++) {
        result[base + ${scrH} + r * M + j] = h[j];
        result[base + ${scrGH} + r * M + j] = gh[j];
      }
    }`,
    lossFromSum: 'sum * 0.5',
    gradient: /* wgsl */ `
      let j = p / N;
      let i = p % N;
      if (j < M) {
        var a = 0.0;
        var c = 0.0;
        for (var r = 0; r < B; r++) {
          a += result[base + ${scrH} + r * M + j] * result[base + ${scrGP} + r * N + i];
          c += result[base + ${scrGH} + r * M + j] * pool[xb + r * N + i];
        }
        grad = a + c;
      } else {
        for (var r = 0; r < B; r++) { grad += result[base + ${scrGP} + r * N + i]; }
      }`,
  });
}

function fusedProgram(a: Record<string, number>) {
  const o: ProgramOptions = { models: a.models!, n: a.n!, m: a.m!, batch: a.batch!, lr: a.lr!, epsilon: a.epsilon! };
  const key = `toyFused_${o.models}_${o.n}_${o.m}_${o.batch}_${Math.fround(o.lr)}_${Math.fround(o.epsilon)}`;
  return stepLoopProgram(key, INPUTS, o.models, fusedLayout(o).stride, () => userCode(o));
}

export interface FusedStepArgs extends FusedShape {
  models: number;
  lr: number;
  /** The state tensor [G, stride] (not disposed here). */
  state: Tensor;
  /** Every pre-generated batch, [poolBatches, G, B, n]. */
  pool: Tensor;
  /** 2·I/B per model and feature, [G, n]. */
  scaledImportance: Tensor;
  /** Pool batch index of each step, int32 [k], k ≥ 1. */
  batchIndices: Tensor;
}

/** Runs k training steps in one dispatch and returns the new state tensor. WebGPU backend only. */
export function fusedSteps(args: FusedStepArgs): Tensor {
  const { models, n, m, batch, lr } = args;
  const attrs = { models, n, m, batch, lr, epsilon: tf.backend().epsilon() };
  const inputs = { state: args.state, pool: args.pool, imp: args.scaledImportance, idx: args.batchIndices };
  return runFusedKernel(FUSED_KERNEL, INPUTS, fusedProgram, inputs, attrs);
}
