/**
 * Top-k principal coordinates of n rows (n × dim) by subspace iteration on the implicit covariance
 * (Xcᵀ Xc v, never formed): O(n·dim·k) per iteration, for dims where the dim × dim eigendecomposition
 * is too slow (a 10,000-word × 1,000-dimension W). Deterministic start; signs fixed so that each
 * direction's largest-magnitude entry is positive. Pure maths.
 */
export function subspacePcaProjection(rows: ArrayLike<number>, n: number, dim: number, k = 2, iterations = 40, fitRows = n): Float64Array {
  // The directions are fitted on the first `fitRows` rows (e.g. the most frequent words), then every row is projected.
  const nFit = Math.min(n, fitRows);
  const mean = new Float64Array(dim);
  for (let i = 0; i < nFit; i++) for (let c = 0; c < dim; c++) mean[c]! += rows[i * dim + c]! / nFit;
  // Start: fixed pseudo-random directions.
  let Q = new Float64Array(k * dim);
  let s = 12345;
  for (let p = 0; p < Q.length; p++) {
    s = (s * 1103515245 + 12345) >>> 0;
    Q[p] = s / 2 ** 32 - 0.5;
  }
  orthonormalise(Q, k, dim);
  const proj = new Float64Array(n * k);
  const project = (dirs: Float64Array, upTo = nFit) => {
    for (let i = 0; i < upTo; i++) {
      for (let j = 0; j < k; j++) {
        let acc = 0;
        for (let c = 0; c < dim; c++) acc += (rows[i * dim + c]! - mean[c]!) * dirs[j * dim + c]!;
        proj[i * k + j] = acc;
      }
    }
  };
  for (let it = 0; it < iterations; it++) {
    project(Q);
    const next = new Float64Array(k * dim);
    for (let i = 0; i < nFit; i++) {
      for (let j = 0; j < k; j++) {
        const a = proj[i * k + j]!;
        if (a === 0) continue;
        for (let c = 0; c < dim; c++) next[j * dim + c]! += a * (rows[i * dim + c]! - mean[c]!);
      }
    }
    orthonormalise(next, k, dim);
    Q = next;
  }
  // Order the directions by variance (Rayleigh quotients), fix signs, project.
  project(Q, n);
  const variance = Array.from({ length: k }, (_, j) => {
    let v = 0;
    for (let i = 0; i < nFit; i++) v += proj[i * k + j]! ** 2;
    return v;
  });
  const order = variance.map((_, j) => j).sort((a, b) => variance[b]! - variance[a]!);
  const out = new Float64Array(n * k);
  order.forEach((j, slot) => {
    let big = 0;
    for (let c = 0; c < dim; c++) if (Math.abs(Q[j * dim + c]!) > Math.abs(big)) big = Q[j * dim + c]!;
    const sign = big < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) out[i * k + slot] = sign * proj[i * k + j]!;
  });
  return out;
}

/** Gram–Schmidt on k vectors of length dim, in place. */
function orthonormalise(Q: Float64Array, k: number, dim: number): void {
  for (let j = 0; j < k; j++) {
    for (let p = 0; p < j; p++) {
      let dot = 0;
      for (let c = 0; c < dim; c++) dot += Q[j * dim + c]! * Q[p * dim + c]!;
      for (let c = 0; c < dim; c++) Q[j * dim + c]! -= dot * Q[p * dim + c]!;
    }
    let norm = 0;
    for (let c = 0; c < dim; c++) norm += Q[j * dim + c]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let c = 0; c < dim; c++) Q[j * dim + c]! /= norm;
  }
}
