/**
 * Adam for hand-written gradients, as `tf.train.adam` computes it, in one kernel a step on wasm.
 *
 * `tf.train.adam` runs 18 element-wise kernels per variable and step (mul, add, div, sqrt, …); for
 * the labs' small models that per-kernel cost, not arithmetic, is most of a step (capacity: 34 of
 * its 44 kernels). On the wasm backend this optimiser updates every variable with one kernel,
 * `adam-wasm-kernel.ts`, which reads and writes the tensors in the wasm heap with the same float32
 * operations in the same order, so the weights equal tf.train.adam's. Elsewhere (webgl, webgpu, cpu)
 * it hands the gradients to tf.train.adam.
 */
import { tf, type Tensor, type Variable } from '../engine/tf';
import { ADAM_KERNEL, ensureAdamKernels, type AdamAttrs } from './adam-wasm-kernel';

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
    fusedUpdate(ADAM_KERNEL, entries, attrs);
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
export function fusedUpdate(kernel: string, entries: readonly FusedEntry[], attrs: Record<string, number | number[]>): void {
  ensureAdamKernels();
  const inputs: tf.NamedTensorMap = {};
  entries.forEach(({ value, gradient, m, v }, i) => {
    if (!tf.util.arraysEqual(value.shape, gradient.shape) || gradient.dtype !== 'float32' || value.dtype !== 'float32') {
      throw new Error(
        `adam: gradient of ${value.name} is ${gradient.dtype} [${gradient.shape.join(',')}], the variable ${value.dtype} [${value.shape.join(',')}]`,
      );
    }
    inputs[`p${i}`] = value;
    inputs[`g${i}`] = gradient;
    inputs[`m${i}`] = m;
    inputs[`v${i}`] = v;
  });
  const outputs = tf.engine().runKernel<Tensor[]>(kernel, inputs, { ...attrs, count: entries.length });
  entries.forEach(({ value, m, v }, i) => {
    value.assign(outputs[3 * i]!);
    m.assign(outputs[3 * i + 1]!);
    v.assign(outputs[3 * i + 2]!);
  });
  tf.dispose(outputs);
}
