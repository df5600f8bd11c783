/**
 * A batch of matrix products, [G, n, k] × [G, k, m] → [G, n, m], for models trained side by side.
 *
 * tfjs-wasm hands a 2-D product to XNNPACK (about 33 GFLOP/s on the development machine) but runs a
 * rank-3 one with a batch over 1 in its own loop, about 2.5 GFLOP/s (measured in Node: [4, 128, 64] ×
 * [4, 64, 64] took 1.76 ms). So on wasm the batch is cut into its G 2-D products (slices of the
 * heap, wasm-slice-kernels.ts) and stacked again; elsewhere it is one tf.matMul. A side given as
 * [1, ·, ·] is shared by every product, as tf.matMul broadcasts it.
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
