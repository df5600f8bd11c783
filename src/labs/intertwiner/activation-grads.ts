/**
 * Backward passes of the shared spotlight activations, written out by hand (Node's tfjs-core
 * bundle has no registered gradients, and hand-written backprop is faster anyway). A test checks
 * them against tfjs autodiff of `applyActivation`, so a change to the forward definitions is caught.
 *   elementwise: ∂L/∂z = δ ⊙ σ'(z)
 *   isotropic:   f(z) = z g(r), r = max(‖z‖, ISO_BALL) → ∂L/∂z = g δ + z (g'(r)/r) (z·δ)  (g' = 0 inside the ball)
 */
import { tf, type Tensor } from '../../engine/tf';
import { ISO_BALL, LEAKY_SLOPE, type ActivationSpec } from '../../analysis/activation-values';

const GELU_C = Math.sqrt(2 / Math.PI);
const GELU_K = 0.044715;

/** ∂L/∂z from the pre-activation z, the activation output h = f(z) and δ = ∂L/∂h (rows of the last axis). */
export function activationBackward(spec: ActivationSpec, z: Tensor, h: Tensor, delta: Tensor): Tensor {
  if (spec.kind === 'isotropic') {
    const norm = tf.sqrt(tf.sum(tf.square(z), -1, true));
    const r = tf.maximum(norm, ISO_BALL);
    const inside = tf.less(norm, ISO_BALL);
    let g: Tensor;
    let gPrimeOverR: Tensor;
    if (spec.fn === 'tanh') {
      const t = tf.tanh(r);
      g = tf.div(t, r);
      // g'(r) = ((1 − tanh² r) − g) / r
      gPrimeOverR = tf.div(tf.sub(tf.sub(1, tf.square(t)), g), tf.square(r));
    } else {
      const outside = tf.div(tf.add(tf.sub(r, 1), LEAKY_SLOPE), r);
      const inUnit = tf.less(r, 1);
      g = tf.where(inUnit, tf.fill(r.shape, LEAKY_SLOPE), outside);
      gPrimeOverR = tf.where(inUnit, tf.zerosLike(r), tf.div(1 - LEAKY_SLOPE, tf.pow(r, 3)));
    }
    gPrimeOverR = tf.where(inside, tf.zerosLike(r), gPrimeOverR);
    const dot = tf.sum(tf.mul(z, delta), -1, true);
    return tf.add(tf.mul(g, delta), tf.mul(z, tf.mul(gPrimeOverR, dot)));
  }
  if (spec.basis) throw new Error('the intertwiner lab trains elementwise activations in the standard basis only');
  switch (spec.fn) {
    case 'relu':
      return tf.mul(delta, tf.step(z));
    case 'leaky-relu':
      return tf.mul(delta, tf.where(tf.greater(z, 0), tf.onesLike(z), tf.fill(z.shape, LEAKY_SLOPE)));
    case 'tanh':
      return tf.mul(delta, tf.sub(1, tf.square(h)));
    case 'sigmoid':
      return tf.mul(delta, tf.mul(h, tf.sub(1, h)));
    case 'gelu': {
      const z2 = tf.square(z);
      const t = tf.tanh(tf.mul(tf.mul(z, tf.add(tf.mul(z2, GELU_K), 1)), GELU_C));
      const dInner = tf.mul(tf.add(tf.mul(z2, 3 * GELU_K), 1), GELU_C);
      const d = tf.add(tf.mul(tf.add(t, 1), 0.5), tf.mul(tf.mul(tf.mul(z, 0.5), tf.sub(1, tf.square(t))), dInner));
      return tf.mul(delta, d);
    }
  }
}
