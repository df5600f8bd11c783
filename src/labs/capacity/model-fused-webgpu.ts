/**
 * The quadratic capacity model's whole training step (model.ts: ŷ = Σ_k (W x)_k² + b against
 * y = Σ v_i x_i², loss mean (ŷ − y)², Adam) as ONE WebGPU compute program, several steps per
 * dispatch, on the frame the fused steps share (src/nn/fused-webgpu.ts, src/nn/fused-run.ts).
 *
 * One workgroup per model. Per step: (A) the threads split the batch rows and write e = ŷ − y and
 * ∂L/∂H = (h·e)·(4/B) to the model's scratch rows; (B) the threads split the parameters:
 * ∂L/∂W_jk = Σ_r ∂L/∂H_rj x_rk, ∂L/∂b = (Σ_r e_r)·(2/B), then Adam exactly as tf.train.adam.
 *
 * State, one row per model ([G, stride]): params P = m·n + 1 (W rows, then b), Adam m [P], Adam v
 * [P], the last loss, β₁ᵗ, β₂ᵗ, then scratch B·(m+1) (∂L/∂H rows, then e) within a dispatch.
 */
import { tf, type Tensor } from '../../engine/tf';
import type { OwnedRun } from '../../engine/owned-run';
import { createFusedRun } from '../../nn/fused-run';
import {
  adamStateLayout,
  f32,
  fitsDevice,
  initialAdamState,
  runFusedKernel,
  stepLoopProgram,
  stepLoopWgsl,
  type AdamStateLayout,
} from '../../nn/fused-webgpu';

export const QUADRATIC_FUSED_KERNEL = 'GeometryLabQuadraticFusedSteps';
const INPUTS = ['state', 'poolX', 'poolY', 'idx'];

export interface QuadraticShape {
  n: number;
  m: number;
  batch: number;
}

export function quadraticLayout({ n, m, batch }: QuadraticShape): AdamStateLayout {
  return adamStateLayout(m * n + 1, batch * (m + 1));
}

/** Whether G models and a pool of that many batches fit one storage binding each on the current WebGPU device. */
export function quadraticFusedFits(shape: QuadraticShape, models: number, poolBatches: number): boolean {
  return fitsDevice(models, Math.max(poolBatches * models * shape.batch * shape.n, models * quadraticLayout(shape).stride));
}

interface ProgramOptions extends QuadraticShape {
  models: number;
  lr: number;
  epsilon: number;
}

function userCode(o: ProgramOptions): string {
  const { n: N, m: M, batch: B } = o;
  const L = quadraticLayout(o);
  const scrGH = L.scratch;
  const scrE = scrGH + B * M;
  return stepLoopWgsl({
    L,
    models: o.models,
    lr: o.lr,
    epsilon: o.epsilon,
    header: [
      `const N = ${N};`,
      `const M = ${M};`,
      `const B = ${B};`,
      `const FOUR_OVER_B = ${f32(4 / B)};`,
      `const TWO_OVER_B = ${f32(2 / B)};`,
      `const INV_B = ${f32(1 / B)};`,
    ].join('\n'),
    stepStart: `let yb = (idx[s] * G + g) * B;\n    let xb = yb * N;`,
    rows: /* wgsl */ `
    for (var r = t; r < B; r += T) {
      let xr = xb + r * N;
      var h : array<f32, M>;
      var q = 0.0;
      for (var j = 0; j < M; j++) {
        var a = 0.0;
        for (var i = 0; i < N; i++) { a += result[base + j * N + i] * poolX[xr + i]; }
        h[j] = a;
        q += a * a;
      }
      let e = (q + result[base + M * N]) - poolY[yb + r];
      lossPart += e * e;
      result[base + ${scrE} + r] = e;
      for (var j = 0; j < M; j++) { result[base + ${scrGH} + r * M + j] = (h[j] * e) * FOUR_OVER_B; }
    }`,
    lossFromSum: 'sum * INV_B',
    gradient: /* wgsl */ `
      if (p < M * N) {
        let j = p / N;
        let i = p % N;
        for (var r = 0; r < B; r++) { grad += result[base + ${scrGH} + r * M + j] * poolX[xb + r * N + i]; }
      } else {
        var a = 0.0;
        for (var r = 0; r < B; r++) { a += result[base + ${scrE} + r]; }
        grad = a * TWO_OVER_B;
      }`,
  });
}

function program(a: Record<string, number>) {
  const o: ProgramOptions = { models: a.models!, n: a.n!, m: a.m!, batch: a.batch!, lr: a.lr!, epsilon: a.epsilon! };
  const key = `quadraticFused_${o.models}_${o.n}_${o.m}_${o.batch}_${Math.fround(o.lr)}_${Math.fround(o.epsilon)}`;
  return stepLoopProgram(key, INPUTS, o.models, quadraticLayout(o).stride, () => userCode(o));
}

export interface FusedQuadraticArgs extends QuadraticShape {
  models: number;
  lr: number;
  /** The pre-generated inputs [poolBatches, G, B, n] and targets [poolBatches, G, B], flattened. */
  poolX: Float32Array;
  poolY: Float32Array;
  poolBatches: number;
  /** W [G, m, n] and b [G], as the unfused path starts them. */
  initialW: Float32Array;
  initialB: Float32Array;
  /** The pool batch of the next step. */
  nextBatch(): number;
}

/** The quadratic model's run on the webgpu backend: the same W [G, m, n] and b [G, 1, 1] weights as the unfused path. */
export function createFusedQuadraticModel(a: FusedQuadraticArgs): OwnedRun {
  const { models: G, n, m, batch: B, lr } = a;
  const shape = { n, m, batch: B };
  const L = quadraticLayout(shape);
  const poolX = tf.tensor4d(a.poolX, [a.poolBatches, G, B, n]);
  const poolY = tf.tensor3d(a.poolY, [a.poolBatches, G, B]);
  const params = new Float32Array(G * L.params);
  for (let g = 0; g < G; g++) {
    params.set(a.initialW.subarray(g * m * n, (g + 1) * m * n), g * L.params);
    params[g * L.params + m * n] = a.initialB[g]!;
  }
  return createFusedRun({
    models: G,
    stride: L.stride,
    initialState: initialAdamState(L, G, params),
    lossColumn: L.loss,
    weights: { W: { from: 0, shape: [G, m, n] }, b: { from: m * n, shape: [G, 1, 1] } },
    owned: [poolX, poolY],
    steps: (state: Tensor, idx: Tensor) =>
      runFusedKernel(
        QUADRATIC_FUSED_KERNEL,
        INPUTS,
        program,
        { state, poolX, poolY, idx },
        { models: G, n, m, batch: B, lr, epsilon: tf.backend().epsilon() },
      ),
    nextBatch: () => a.nextBatch(),
  });
}
