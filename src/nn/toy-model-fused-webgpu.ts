/**
 * The toy model's whole training step (forward, hand-written backward, Adam) as ONE WebGPU compute
 * program, several steps per dispatch: tfjs-webgpu pays per dispatch, and the unfused step runs
 * dozens of small kernels. Registered as a tfjs kernel for the webgpu backend (so the engine
 * tracks its output and tf.profile counts it) whose body is tfjs-webgpu's custom-program path,
 * `runWebGPUProgram`.
 *
 * One workgroup per model. Per step: (A) the threads split the batch rows and write h = W x,
 * gPre = (2I/B)(x' − x)·step(pre) and gH = W gPre to the model's scratch rows; (B) the threads
 * split the parameters, sum their gradient over the batch and apply Adam exactly as tf.train.adam
 * does it (float32 products β₁ᵗ, β₂ᵗ kept in the state; lr·m̂/(√v̂ + ε)).
 *
 * State, one row per model ([G, stride]): params P = (m+1)·n (W rows then the bias row, the layout
 * of the unfused path's variable), Adam m [P], Adam v [P], the last loss, β₁ᵗ, β₂ᵗ, then scratch
 * B·(2m+n) that only lives within a dispatch.
 */
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu/dist/webgpu_program';
import { tf, type Tensor } from '../engine/tf';

export const FUSED_KERNEL = 'GeometryLabToyModelFusedSteps';
const BETA1 = 0.9;
const BETA2 = 0.999;
const THREADS = 64;

export interface FusedShape {
  n: number;
  m: number;
  batch: number;
}

export interface FusedLayout {
  /** Parameters per model: W (m·n) then b (n). */
  params: number;
  moment1: number;
  moment2: number;
  loss: number;
  accBeta1: number;
  accBeta2: number;
  /** Floats per model row of the state tensor, scratch included. */
  stride: number;
}

export function fusedLayout({ n, m, batch }: FusedShape): FusedLayout {
  const P = (m + 1) * n;
  const scratch = batch * (2 * m + n);
  return { params: P, moment1: P, moment2: 2 * P, loss: 3 * P, accBeta1: 3 * P + 1, accBeta2: 3 * P + 2, stride: 3 * P + 3 + scratch };
}

/** Initial state for G models from their parameters ([G, m+1, n] flattened): zero moments, β₁¹ and β₂¹. */
export function initialFusedState(shape: FusedShape, models: number, params: Float32Array): Float32Array {
  const L = fusedLayout(shape);
  const out = new Float32Array(models * L.stride);
  for (let g = 0; g < models; g++) {
    out.set(params.subarray(g * L.params, (g + 1) * L.params), g * L.stride);
    out[g * L.stride + L.loss] = NaN;
    out[g * L.stride + L.accBeta1] = BETA1;
    out[g * L.stride + L.accBeta2] = BETA2;
  }
  return out;
}

/**
 * Whether the fused program fits the current WebGPU device: one workgroup row of G models, and the
 * pool and state tensors each within one storage binding (the unfused path binds a batch at a time).
 */
export function fusedFits(shape: FusedShape, models: number, poolBatches: number): boolean {
  const device = (tf.backend() as { device?: GPUDevice }).device;
  if (!device) return false;
  const { maxStorageBufferBindingSize: binding, maxBufferSize: buffer, maxComputeWorkgroupsPerDimension: groups } = device.limits;
  const bytes = Math.max(poolBatches * models * shape.batch * shape.n, models * fusedLayout(shape).stride) * 4;
  return models <= groups && bytes <= Math.min(binding, buffer);
}

/** A WGSL f32 literal that is exactly the float32 rounding of `x`. */
const f32 = (x: number): string => {
  const v = Math.fround(x);
  if (!Number.isFinite(v)) throw new Error(`not a finite float32: ${x}`);
  return `f32(${v.toPrecision(17)})`;
};

interface ProgramOptions extends FusedShape {
  models: number;
  lr: number;
  epsilon: number;
}

function userCode(o: ProgramOptions): string {
  const { n: N, m: M, batch: B, models: G } = o;
  const L = fusedLayout(o);
  const scrH = L.accBeta2 + 1;
  const scrGH = scrH + B * M;
  const scrGP = scrGH + B * M;
  return /* wgsl */ `
const G = ${G};
const N = ${N};
const M = ${M};
const B = ${B};
const T = ${THREADS};
const P = ${L.params};
const STRIDE = ${L.stride};
const BETA1 = ${f32(BETA1)};
const BETA2 = ${f32(BETA2)};
const ONE_MINUS_BETA1 = ${f32(1 - BETA1)};
const ONE_MINUS_BETA2 = ${f32(1 - BETA2)};
const EPS = ${f32(o.epsilon)};
const NEG_LR = ${f32(-o.lr)};

var<workgroup> partial : array<f32, T>;

fn main(index : i32) {
  let g = i32(workgroupId.x);
  let t = i32(localId.x);
  let base = g * STRIDE;
  // The new state starts as a copy of the old one (the scratch rows need none).
  for (var k = t; k < ${scrH}; k += T) { result[base + k] = state[base + k]; }
  storageBarrier();
  workgroupBarrier();
  var acc1 = result[base + ${L.accBeta1}];
  var acc2 = result[base + ${L.accBeta2}];
  var loss = 0.0;
  let steps = uniforms.idxShape;
  for (var s = 0; s < steps; s++) {
    let xb = (idx[s] * G + g) * B * N;
    // (A) rows: forward and the per-row backward.
    var lossPart = 0.0;
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
    }
    partial[t] = lossPart;
    storageBarrier();
    workgroupBarrier();
    if (t == 0) {
      var sum = 0.0;
      for (var k = 0; k < T; k++) { sum += partial[k]; }
      loss = sum * 0.5;
    }
    // (B) parameters: the gradient summed over the batch, then Adam.
    let c1 = 1.0 - acc1;
    let c2 = 1.0 - acc2;
    for (var p = t; p < P; p += T) {
      let j = p / N;
      let i = p % N;
      var grad = 0.0;
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
      }
      let m1 = result[base + ${L.moment1} + p] * BETA1 + grad * ONE_MINUS_BETA1;
      let v = result[base + ${L.moment2} + p] * BETA2 + (grad * grad) * ONE_MINUS_BETA2;
      result[base + ${L.moment1} + p] = m1;
      result[base + ${L.moment2} + p] = v;
      let mh = m1 / c1;
      let vh = v / c2;
      result[base + p] = (mh / (sqrt(vh) + EPS)) * NEG_LR + result[base + p];
    }
    acc1 = acc1 * BETA1;
    acc2 = acc2 * BETA2;
    storageBarrier();
    workgroupBarrier();
  }
  if (t == 0) {
    if (steps > 0) { result[base + ${L.loss}] = loss; }
    result[base + ${L.accBeta1}] = acc1;
    result[base + ${L.accBeta2}] = acc2;
  }
}
`;
}

function fusedProgram(o: ProgramOptions): WebGPUProgram {
  const L = fusedLayout(o);
  const key = `toyFused_${o.models}_${o.n}_${o.m}_${o.batch}_${Math.fround(o.lr)}_${Math.fround(o.epsilon)}`;
  return {
    variableNames: ['state', 'pool', 'imp', 'idx'],
    outputShape: [o.models, L.stride],
    dispatchLayout: { x: [0, 1] },
    dispatch: [o.models, 1, 1],
    workgroupSize: [THREADS, 1, 1],
    shaderKey: key,
    getUserCode: () => userCode(o),
  };
}

interface ProgramRunner {
  runWebGPUProgram(program: WebGPUProgram, inputs: tf.TensorInfo[], outputDtype: 'float32'): tf.TensorInfo;
}

function registerOnce(): void {
  if (tf.getKernelsForBackend('webgpu').some((k) => k.kernelName === FUSED_KERNEL)) return;
  tf.registerKernel({
    kernelName: FUSED_KERNEL,
    backendName: 'webgpu',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { state, pool, imp, idx } = inputs as Record<'state' | 'pool' | 'imp' | 'idx', tf.TensorInfo>;
      const a = attrs as Record<'models' | 'n' | 'm' | 'batch' | 'lr' | 'epsilon', number>;
      const program = fusedProgram({ models: a.models, n: a.n, m: a.m, batch: a.batch, lr: a.lr, epsilon: a.epsilon });
      return (backend as ProgramRunner).runWebGPUProgram(program, [state, pool, imp, idx], 'float32');
    },
  });
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
  registerOnce();
  const { models, n, m, batch, lr } = args;
  const attrs = { models, n, m, batch, lr, epsilon: tf.backend().epsilon() };
  const inputs = { state: args.state, pool: args.pool, imp: args.scaledImportance, idx: args.batchIndices };
  return tf.engine().runKernel<Tensor>(FUSED_KERNEL, inputs, attrs);
}
