/**
 * The activations of analysis/activation-values.ts as tfjs ops, with hand-written gradients.
 * Rows of x are samples: f(X) = σ(X Bᵀ) B.
 */
import { tf, type Tensor } from '../engine/tf';
import type { Directions } from '../analysis/thomson';
import { ISO_BALL, LEAKY_SLOPE, type ActivationSpec, type ScalarFunction } from '../analysis/activation-values';

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

/** A basis as a [K, k] tensor (the caller disposes it). */
export function basisTensor(basis: Directions): Tensor {
  return tf.tensor2d(Float32Array.from(basis.data), [basis.count, basis.dim]);
}

/**
 * Applies the activation to rows of x ([N, k]). `basis` / `basisT` are the [K, k] tensor and its
 * transpose, pre-made once per model (explicit transposes are faster than matMul flags on wasm).
 */
export function applyActivation(spec: ActivationSpec, x: Tensor, basis?: { b: Tensor; bT: Tensor }): Tensor {
  if (spec.kind === 'isotropic') {
    const r = tf.maximum(tf.sqrt(tf.sum(tf.square(x), -1, true)), ISO_BALL);
    return tf.mul(x, radialGain(spec.fn, r));
  }
  if (!spec.basis || !basis) return scalarOp(spec.fn, x);
  return tf.matMul(scalarOp(spec.fn, tf.matMul(x, basis.bT)), basis.b);
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
export function activationGrad(spec: ActivationSpec, x: Tensor, y: Tensor, grad: Tensor, basis?: { b: Tensor; bT: Tensor }): Tensor {
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
