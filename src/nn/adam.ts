/**
 * Adam for hand-written gradients, as `tf.train.adam` computes it, in one kernel a step on wasm.
 *
 * `tf.train.adam` runs 18 element-wise kernels per variable and step (mul, add, div, sqrt, …); for
 * the labs' small models that per-kernel cost, not arithmetic, is most of a step (capacity: 34 of
 * its 44 kernels). On the wasm backend this optimiser updates the variables with one kernel,
 * `adam-wasm-kernel.ts`, which reads and writes the tensors in the wasm heap with the same float32
 * operations in the same order, so the weights equal tf.train.adam's: every variable where that
 * kernel runs as WebAssembly SIMD (simd-moments.ts), else those of up to FUSED_MAX_SIZE elements,
 * the larger ones taking the same operations op by op. Elsewhere (webgl, webgpu, cpu) it hands the
 * gradients to tf.train.adam.
 */
import { tf, type Tensor, type Variable } from '../engine/tf';
import { adamKernel, momentsInSimd, type AdamAttrs, type MomentAttrs } from './adam-wasm-kernel';
import { runHeapKernel, type HeapKernel } from './wasm-heap-kernel';

export interface NamedGradient {
  /** The variable's registered name. */
  name: string;
  tensor: Tensor;
}

export interface AdamOptimizer {
  applyGradients(gradients: NamedGradient[]): void;
  dispose(): void;
}

const BETA1 = 0.9;
const BETA2 = 0.999;

/** Adam with tf.train.adam's defaults (β₁ 0.9, β₂ 0.999, ε the backend's epsilon). */
export function adam(learningRate: number): AdamOptimizer {
  return tf.getBackend() === 'wasm' ? new FusedAdam(learningRate) : tf.train.adam(learningRate);
}

/**
 * Without WebAssembly SIMD, variables up to this many elements go through the one kernel; larger ones
 * through tf.train.adam's op-by-op graph. The kernel's scalar JS loop costs about 10 ns an element (its float32 divisions
 * and square root), the graph's 18 SIMD kernels about 5 µs each plus 3 ns an element in all (Node wasm,
 * measured): the kernel wins below about 13,000 elements in Node and more in Chromium, where a
 * tfjs kernel costs 5–13 µs.
 */
export const FUSED_MAX_SIZE = 16384;

/** Whether a variable of `size` elements goes through the moment kernel (every size where it runs as SIMD). */
export function inMomentKernel(size: number): boolean {
  return size <= FUSED_MAX_SIZE || momentsInSimd();
}

function checkGradient(value: Variable, gradient: Tensor): void {
  if (!tf.util.arraysEqual(value.shape, gradient.shape) || gradient.dtype !== 'float32' || value.dtype !== 'float32') {
    throw new Error(
      `adam: gradient of ${value.name} is ${gradient.dtype} [${gradient.shape.join(',')}], the variable ${value.dtype} [${value.shape.join(',')}]`,
    );
  }
}

/** tf.train.adam's update of one variable, op by op (the same operations as the kernel). */
function graphUpdate({ value, gradient, m, v }: FusedEntry, a: Omit<AdamAttrs, 'count'>): void {
  checkGradient(value, gradient);
  tf.tidy(() => {
    const m1 = tf.add(tf.mul(m, a.beta1), tf.mul(gradient, 1 - a.beta1));
    const v1 = tf.add(tf.mul(v, a.beta2), tf.mul(tf.square(gradient), 1 - a.beta2));
    const mHat = tf.div(m1, a.oneMinusAccBeta1);
    const vHat = tf.div(v1, a.oneMinusAccBeta2);
    m.assign(m1);
    v.assign(v1);
    value.assign(tf.add(tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), a.epsilon)), -a.learningRate), value));
  });
}

interface Moments {
  m: Variable;
  v: Variable;
}

class FusedAdam implements AdamOptimizer {
  private readonly moments = new Map<string, Moments>();
  /** β₁ᵗ and β₂ᵗ as float32 products, as tf.train.adam keeps them. */
  private accBeta1 = Math.fround(BETA1);
  private accBeta2 = Math.fround(BETA2);
  private readonly epsilon = tf.backend().epsilon();

  constructor(private readonly learningRate: number) {}

  applyGradients(gradients: NamedGradient[]): void {
    if (gradients.length === 0) return;
    const entries = gradients.map(({ name, tensor }) => {
      const value = tf.engine().registeredVariables[name];
      if (!value) throw new Error(`adam: no variable named ${name}`);
      return { value, gradient: tensor, ...this.momentsOf(name, value) };
    });
    const attrs: Omit<AdamAttrs, 'count'> = {
      learningRate: this.learningRate,
      beta1: BETA1,
      beta2: BETA2,
      epsilon: this.epsilon,
      oneMinusAccBeta1: Math.fround(1 - this.accBeta1),
      oneMinusAccBeta2: Math.fround(1 - this.accBeta2),
    };
    const inKernel = (e: FusedEntry) => inMomentKernel(e.value.size);
    const fused = entries.filter(inKernel);
    if (fused.length) fusedUpdate(adamKernel, fused, attrs);
    for (const e of entries) if (!inKernel(e)) graphUpdate(e, attrs);
    this.accBeta1 = Math.fround(this.accBeta1 * Math.fround(BETA1));
    this.accBeta2 = Math.fround(this.accBeta2 * Math.fround(BETA2));
  }

  private momentsOf(name: string, value: Variable): Moments {
    let moments = this.moments.get(name);
    if (!moments) {
      moments = tf.tidy(() => ({ m: tf.zerosLike(value).variable(false), v: tf.zerosLike(value).variable(false) }));
      this.moments.set(name, moments);
    }
    return moments;
  }

  dispose(): void {
    for (const { m, v } of this.moments.values()) tf.dispose([m, v]);
    this.moments.clear();
  }
}

/** A variable, its gradient and its two moment variables. */
export interface FusedEntry {
  value: Variable;
  gradient: Tensor;
  m: Variable;
  v: Variable;
}

/**
 * Runs one of adam-wasm-kernel.ts's kernels over `entries` (wasm backend only) and assigns the new
 * parameters and moments: one kernel for every variable.
 */
export function fusedUpdate<A extends MomentAttrs>(kernel: HeapKernel<A>, entries: readonly FusedEntry[], attrs: Omit<A, 'count'>): void {
  const inputs: Record<string, Tensor> = {};
  entries.forEach(({ value, gradient, m, v }, i) => {
    checkGradient(value, gradient);
    inputs[`p${i}`] = value;
    inputs[`g${i}`] = gradient;
    inputs[`m${i}`] = m;
    inputs[`v${i}`] = v;
  });
  const outputs = runHeapKernel(kernel, inputs, { ...attrs, count: entries.length } as A);
  entries.forEach(({ value, m, v }, i) => {
    value.assign(outputs[3 * i]!);
    m.assign(outputs[3 * i + 1]!);
    v.assign(outputs[3 * i + 2]!);
  });
  tf.dispose(outputs);
}
