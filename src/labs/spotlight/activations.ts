/**
 * Activation functions defined through privileged directions (DESIGN §5.3), shared by the
 * spotlight and intertwiner labs.
 *   elementwise (permutation-equivariant): f(x) = Bᵀ σ(B x), B = I or K Thomson directions;
 *   isotropic (orthogonal-equivariant):   f(x) = σ(‖x‖) x/‖x‖, linear inside a tiny ball.
 * Rows of x are samples: f(X) = σ(X Bᵀ) B.
 */
import { tf, type Tensor } from '../../engine/tf';
import type { Directions } from '../../analysis/thomson';

export const SCALAR_FUNCTIONS = ['tanh', 'leaky-relu', 'gelu', 'sigmoid', 'relu'] as const;
export type ScalarFunction = (typeof SCALAR_FUNCTIONS)[number];

export const LEAKY_SLOPE = 0.1;
/** Below this norm the isotropic map is linear (σ(r)/r taken at r = ISO_BALL). */
export const ISO_BALL = 1e-3;

export type ActivationSpec =
  | { kind: 'elementwise'; fn: ScalarFunction; basis: Directions | null }
  | { kind: 'isotropic'; fn: 'tanh' | 'leaky-relu' };

/** σ as tfjs ops (GELU by its tanh approximation: tfjs-core has no GELU op). */
export function scalarOp(fn: ScalarFunction, x: Tensor): Tensor {
  switch (fn) {
    case 'tanh':
      return tf.tanh(x);
    case 'leaky-relu':
      return tf.leakyRelu(x, LEAKY_SLOPE);
    case 'relu':
      return tf.relu(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'gelu': {
      const inner = tf.mul(tf.add(x, tf.mul(tf.pow(x, 3), 0.044715)), Math.sqrt(2 / Math.PI));
      return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
    }
  }
}

/** σ on one number, for checks and plain-JS analyses. */
export function scalarValue(fn: ScalarFunction, x: number): number {
  switch (fn) {
    case 'tanh':
      return Math.tanh(x);
    case 'leaky-relu':
      return x >= 0 ? x : LEAKY_SLOPE * x;
    case 'relu':
      return Math.max(0, x);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-x));
    case 'gelu':
      return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
  }
}

/**
 * Radial profile of the isotropic activations, divided by r (so f(x) = x · g(‖x‖)):
 *   iso-tanh:        g(r) = tanh(r)/r;
 *   iso-leaky-relu:  slope LEAKY_SLOPE inside the unit ball, slope 1 outside (continuous, f(0) = 0).
 */
function radialGain(fn: 'tanh' | 'leaky-relu', r: Tensor): Tensor {
  if (fn === 'tanh') return tf.div(tf.tanh(r), r);
  const outside = tf.div(tf.add(tf.sub(r, 1), LEAKY_SLOPE), r);
  return tf.where(tf.less(r, 1), tf.fill(r.shape, LEAKY_SLOPE), outside);
}

export function radialGainValue(fn: 'tanh' | 'leaky-relu', r: number): number {
  const rc = Math.max(r, ISO_BALL);
  if (fn === 'tanh') return Math.tanh(rc) / rc;
  return rc < 1 ? LEAKY_SLOPE : (rc - 1 + LEAKY_SLOPE) / rc;
}

/** A basis as a [K, k] tensor (the caller disposes it). */
export function basisTensor(basis: Directions): Tensor {
  return tf.tensor2d(Float32Array.from(basis.data), [basis.count, basis.dim]);
}

/**
 * Applies the activation to rows of x ([N, k]). `basis` / `basisT` are the [K, k] tensor and its
 * transpose, pre-made once per model (explicit transposes are faster than matMul flags on wasm).
 */
export function applyActivation(
  spec: ActivationSpec,
  x: Tensor,
  basis?: { b: Tensor; bT: Tensor },
): Tensor {
  if (spec.kind === 'isotropic') {
    const r = tf.maximum(tf.sqrt(tf.sum(tf.square(x), -1, true)), ISO_BALL);
    return tf.mul(x, radialGain(spec.fn, r));
  }
  if (!spec.basis || !basis) return scalarOp(spec.fn, x);
  return tf.matMul(scalarOp(spec.fn, tf.matMul(x, basis.bT)), basis.b);
}

/** The same activation on one vector in plain JS (for the intertwiner group checks). */
export function applyActivationValue(spec: ActivationSpec, x: ArrayLike<number>): Float64Array {
  const k = x.length;
  const out = new Float64Array(k);
  if (spec.kind === 'isotropic') {
    let s = 0;
    for (let i = 0; i < k; i++) s += x[i]! ** 2;
    const g = radialGainValue(spec.fn, Math.sqrt(s));
    for (let i = 0; i < k; i++) out[i] = x[i]! * g;
    return out;
  }
  if (!spec.basis) {
    for (let i = 0; i < k; i++) out[i] = scalarValue(spec.fn, x[i]!);
    return out;
  }
  const { count, dim, data } = spec.basis;
  for (let j = 0; j < count; j++) {
    let dot = 0;
    for (let c = 0; c < dim; c++) dot += data[j * dim + c]! * x[c]!;
    const s = scalarValue(spec.fn, dot);
    for (let c = 0; c < dim; c++) out[c]! += s * data[j * dim + c]!;
  }
  return out;
}

/** σ′ as tfjs ops, given the input x and (where cheaper) the output y = σ(x). */
function scalarDerivative(fn: ScalarFunction, x: Tensor, y: Tensor): Tensor {
  switch (fn) {
    case 'tanh':
      return tf.sub(1, tf.square(y));
    case 'sigmoid':
      return tf.mul(y, tf.sub(1, y));
    case 'leaky-relu':
      return tf.add(tf.mul(tf.step(x), 1 - LEAKY_SLOPE), LEAKY_SLOPE);
    case 'relu':
      return tf.step(x);
    case 'gelu': {
      const c = Math.sqrt(2 / Math.PI);
      const x2 = tf.square(x);
      const t = tf.tanh(tf.mul(tf.mul(x, tf.add(tf.mul(x2, 0.044715), 1)), c));
      const dInner = tf.mul(tf.add(tf.mul(x2, 3 * 0.044715), 1), c);
      return tf.add(tf.mul(tf.add(t, 1), 0.5), tf.mul(tf.mul(tf.mul(x, 0.5), tf.sub(1, tf.square(t))), dInner));
    }
  }
}

/**
 * Vector–Jacobian product of the activation: the gradient with respect to x ([N, k]) given the
 * upstream gradient `grad` of f(x) (hand-written backprop; checked against autodiff in the tests).
 * `y` is f(x) as returned by applyActivation.
 */
export function activationGrad(
  spec: ActivationSpec,
  x: Tensor,
  y: Tensor,
  grad: Tensor,
  basis?: { b: Tensor; bT: Tensor },
): Tensor {
  if (spec.kind === 'isotropic') {
    // f = x γ(r), r = max(‖x‖, ISO_BALL): ∂f/∂x ᵀ g = γ g + (x·g) γ′(r)/r x  (γ′ = 0 inside the ball).
    const norm = tf.sqrt(tf.sum(tf.square(x), -1, true));
    const r = tf.maximum(norm, ISO_BALL);
    const gamma = radialGain(spec.fn, r);
    let dGamma: Tensor;
    if (spec.fn === 'tanh') {
      const t = tf.tanh(r);
      dGamma = tf.sub(tf.div(tf.sub(1, tf.square(t)), r), tf.div(t, tf.square(r)));
    } else {
      dGamma = tf.where(tf.less(r, 1), tf.zerosLike(r), tf.div(1 - LEAKY_SLOPE, tf.square(r)));
    }
    const outside = tf.cast(tf.greater(norm, ISO_BALL), 'float32');
    const coef = tf.mul(tf.div(tf.mul(tf.sum(tf.mul(x, grad), -1, true), dGamma), r), outside);
    return tf.add(tf.mul(grad, gamma), tf.mul(x, coef));
  }
  if (!spec.basis || !basis) return tf.mul(grad, scalarDerivative(spec.fn, x, y));
  const s = tf.matMul(x, basis.bT);
  const gs = tf.mul(tf.matMul(grad, basis.bT), scalarDerivative(spec.fn, s, scalarOp(spec.fn, s)));
  return tf.matMul(gs, basis.b);
}
