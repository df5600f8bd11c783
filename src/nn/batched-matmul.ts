/**
 * A batch of matrix products, [G, n, k] × [G, k, m] → [G, n, m], for models trained side by side.
 *
 * tfjs-wasm hands a 2-D product to XNNPACK (about 33 GFLOP/s on the development machine) but runs a
 * rank-3 one with a batch over 1 in its own loop, about 2.5 GFLOP/s (measured in Node: [4, 128, 64] ×
 * [4, 64, 64] took 1.76 ms). So on wasm the batch is cut into its G 2-D products (slices of the
 * heap, wasm-slice-kernels.ts) and stacked again; elsewhere it is one tf.matMul. A side given as
 * [1, ·, ·] is shared by every product, as tf.matMul broadcasts it.
 *
 * tfjs-wasm's transpose flags (tf.matMul(a, b, true, …)) take that slow loop too, even for 2-D
 * products: [256, 500]ᵀ × [256, 32] took 3.4 ms with transposeA against 0.63 ms for an explicit
 * transpose and a plain product. `matMul` below transposes explicitly on wasm.
 */
import { tf, type Tensor } from '../engine/tf';

export function batchedMatMul(a: Tensor, b: Tensor): Tensor {
  if (a.rank !== 3 || b.rank !== 3) throw new Error(`batchedMatMul: rank-3 inputs expected, got ${a.rank} and ${b.rank}`);
  const g = Math.max(a.shape[0], b.shape[0]);
  if (tf.getBackend() !== 'wasm' || g === 1) return tf.matMul(a, b);
  const as = a.shape[0] === 1 ? Array<Tensor>(g).fill(tf.squeeze(a, [0])) : tf.unstack(a);
  const bs = b.shape[0] === 1 ? Array<Tensor>(g).fill(tf.squeeze(b, [0])) : tf.unstack(b);
  return tf.stack(as.map((x, i) => tf.matMul(x, bs[i]!)));
}

/** The last two axes swapped. */
function transposeInner(t: Tensor): Tensor {
  const perm = t.shape.map((_, i) => i);
  perm[t.rank - 2] = t.rank - 1;
  perm[t.rank - 1] = t.rank - 2;
  return tf.transpose(t, perm);
}

/**
 * tf.matMul(a, b, transposeA, transposeB) for rank-2 or rank-3 inputs of equal rank that stays on
 * XNNPACK on wasm: explicit transposes instead of the flags, a rank-3 batch cut into 2-D products.
 */
export function matMul(a: Tensor, b: Tensor, transposeA = false, transposeB = false): Tensor {
  if (tf.getBackend() !== 'wasm' || a.rank !== b.rank || a.rank < 2 || a.rank > 3) return tf.matMul(a, b, transposeA, transposeB);
  const left = transposeA ? transposeInner(a) : a;
  const right = transposeB ? transposeInner(b) : b;
  return a.rank === 3 ? batchedMatMul(left, right) : tf.matMul(left, right);
}
