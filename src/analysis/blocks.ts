/**
 * Per-neuron polysemanticity of a weight matrix. (The block structure of W, features sharing
 * dimensions, is analysis/spectral-blocks.ts.)
 */

/**
 * Per hidden neuron k (row k of W, m×n row-major): how many features load on it, i.e. have
 * |W_ki| > threshold · max |W|.
 */
export function neuronLoadCounts(w: { rows: number; cols: number; data: ArrayLike<number> }, threshold = 0.2): number[] {
  const { rows: m, cols: n, data } = w;
  let max = 0;
  for (let k = 0; k < m * n; k++) if (Number.isFinite(data[k]!)) max = Math.max(max, Math.abs(data[k]!));
  return Array.from({ length: m }, (_, k) => {
    if (max === 0) return 0;
    let count = 0;
    for (let i = 0; i < n; i++) if (Math.abs(data[k * n + i]!) > threshold * max) count++;
    return count;
  });
}
