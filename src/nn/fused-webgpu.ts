/**
 * What the fused WebGPU training steps share (the toy model's, toy-model-fused-webgpu.ts, and the
 * capacity lab's quadratic model's): the state row of a model (parameters, Adam's two moments, the
 * last loss, β₁ᵗ and β₂ᵗ, then scratch), the WGSL frame of a dispatch of several steps with Adam
 * exactly as tf.train.adam does it, the kernel's registration for the webgpu backend (its body is
 * tfjs-webgpu's custom-program path, `runWebGPUProgram`, so the engine tracks its output and
 * tf.profile counts it), and whether a model fits the device.
 */
import type { WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu/dist/webgpu_program';
import { tf, type Tensor } from '../engine/tf';
import { registerKernelOnce } from './register-kernel-once';

export const BETA1 = 0.9;
export const BETA2 = 0.999;
/** Threads in a model's workgroup. */
export const THREADS = 64;

export interface AdamStateLayout {
  /** Parameters per model. */
  params: number;
  moment1: number;
  moment2: number;
  loss: number;
  accBeta1: number;
  accBeta2: number;
  /** First scratch float (scratch only lives within a dispatch). */
  scratch: number;
  /** Floats per model row of the state tensor, scratch included. */
  stride: number;
}

export function adamStateLayout(params: number, scratch: number): AdamStateLayout {
  const P = params;
  return {
    params: P,
    moment1: P,
    moment2: 2 * P,
    loss: 3 * P,
    accBeta1: 3 * P + 1,
    accBeta2: 3 * P + 2,
    scratch: 3 * P + 3,
    stride: 3 * P + 3 + scratch,
  };
}

/** Initial state for G models from their parameters ([G, params] flattened): zero moments, β₁¹ and β₂¹. */
export function initialAdamState(L: AdamStateLayout, models: number, params: Float32Array): Float32Array {
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
 * Whether G models fit the current WebGPU device: one workgroup row of G models, and each of the
 * largest tensors (in floats) within one storage binding.
 */
export function fitsDevice(models: number, largestFloats: number): boolean {
  const device = (tf.backend() as { device?: GPUDevice }).device;
  if (!device) return false;
  const { maxStorageBufferBindingSize: binding, maxBufferSize: buffer, maxComputeWorkgroupsPerDimension: groups } = device.limits;
  return models <= groups && largestFloats * 4 <= Math.min(binding, buffer);
}

/** A WGSL f32 literal that is exactly the float32 rounding of `x`. */
export const f32 = (x: number): string => {
  const v = Math.fround(x);
  if (!Number.isFinite(v)) throw new Error(`not a finite float32: ${x}`);
  return `f32(${v.toPrecision(17)})`;
};

export interface StepLoopParts {
  L: AdamStateLayout;
  models: number;
  lr: number;
  epsilon: number;
  /** WGSL constants and helpers of the model. */
  header: string;
  /** Statements at the start of step `s` (g, t, base, s in scope). */
  stepStart: string;
  /** Phase A, the threads split the batch rows: adds this thread's share of the loss sum to `lossPart`. */
  rows: string;
  /** The loss from `sum`, the sum of every thread's `lossPart`. */
  lossFromSum: string;
  /** Phase B, parameter `p` (read-only): sets `grad`, its gradient summed over the batch. */
  gradient: string;
}

/**
 * The user code of one dispatch of `uniforms.idxShape` steps, one workgroup per model: the new state
 * starts as a copy of the old; per step, (A) rows then (B) parameters, each parameter's gradient
 * followed by Adam as tf.train.adam computes it (float32 products β₁ᵗ, β₂ᵗ kept in the state;
 * lr·m̂/(√v̂ + ε)).
 */
export function stepLoopWgsl(o: StepLoopParts): string {
  const { L } = o;
  return /* wgsl */ `
const G = ${o.models};
const T = ${THREADS};
const P = ${L.params};
const STRIDE = ${L.stride};
const BETA1 = ${f32(BETA1)};
const BETA2 = ${f32(BETA2)};
const ONE_MINUS_BETA1 = ${f32(1 - BETA1)};
const ONE_MINUS_BETA2 = ${f32(1 - BETA2)};
const EPS = ${f32(o.epsilon)};
const NEG_LR = ${f32(-o.lr)};
${o.header}

var<workgroup> partial : array<f32, T>;

fn main(index : i32) {
  let g = i32(workgroupId.x);
  let t = i32(localId.x);
  let base = g * STRIDE;
  // The new state starts as a copy of the old one (the scratch rows need none).
  for (var k = t; k < ${L.scratch}; k += T) { result[base + k] = state[base + k]; }
  storageBarrier();
  workgroupBarrier();
  var acc1 = result[base + ${L.accBeta1}];
  var acc2 = result[base + ${L.accBeta2}];
  var loss = 0.0;
  let steps = uniforms.idxShape;
  for (var s = 0; s < steps; s++) {
    ${o.stepStart}
    // (A) rows: forward and the per-row backward.
    var lossPart = 0.0;
    ${o.rows}
    partial[t] = lossPart;
    storageBarrier();
    workgroupBarrier();
    if (t == 0) {
      var sum = 0.0;
      for (var k = 0; k < T; k++) { sum += partial[k]; }
      loss = ${o.lossFromSum};
    }
    // (B) parameters: the gradient summed over the batch, then Adam.
    let c1 = 1.0 - acc1;
    let c2 = 1.0 - acc2;
    for (var p = t; p < P; p += T) {
      var grad = 0.0;
      ${o.gradient}
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

/**
 * A program whose output is [rows, width] and whose code indexes it itself: `workgroups` workgroups
 * of THREADS threads (by default one per row, e.g. one per model over the state [G, stride]).
 */
export function stepLoopProgram(
  key: string,
  variableNames: string[],
  rows: number,
  width: number,
  userCode: () => string,
  workgroups = rows,
): WebGPUProgram {
  return {
    variableNames,
    outputShape: [rows, width],
    dispatchLayout: { x: [0, 1] },
    dispatch: [workgroups, 1, 1],
    workgroupSize: [THREADS, 1, 1],
    shaderKey: key,
    getUserCode: userCode,
  };
}

interface ProgramRunner {
  runWebGPUProgram(program: WebGPUProgram, inputs: tf.TensorInfo[], outputDtype: 'float32'): tf.TensorInfo;
}

/**
 * Runs a fused kernel, registering it for the webgpu backend on first use; its inputs are passed to
 * the program in `variableNames` order and its attributes (numbers) make the program.
 */
export function runFusedKernel(
  kernelName: string,
  variableNames: string[],
  program: (attrs: Record<string, number>) => WebGPUProgram,
  inputs: Record<string, Tensor>,
  attrs: Record<string, number>,
): Tensor {
  registerKernelOnce(kernelName, 'webgpu', ({ inputs: given, backend, attrs: a }) => {
    const infos = variableNames.map((v) => (given as Record<string, tf.TensorInfo>)[v]!);
    return (backend as ProgramRunner).runWebGPUProgram(program(a as Record<string, number>), infos, 'float32');
  });
  return tf.engine().runKernel<Tensor>(kernelName, inputs, attrs);
}
