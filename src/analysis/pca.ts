/** Principal components of the rows of an N×d matrix (covariance eigen-decomposition via ml-matrix). */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

export interface Pca {
  /** k×d unit principal directions, by decreasing variance. */
  components: number[][];
  /** Variance along each component. */
  variance: number[];
  /** Fraction of the total variance each component explains. */
  explained: number[];
  /** N×k coordinates of the centred rows. */
  projected: Float64Array;
  mean: Float64Array;
}

export function pca(rows: ArrayLike<number>, n: number, dim: number, k = 2): Pca {
  const mean = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let c = 0; c < dim; c++) mean[c]! += rows[i * dim + c]! / n;
  const cov = new Float64Array(dim * dim);
  const centred = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < dim; c++) centred[c] = rows[i * dim + c]! - mean[c]!;
    for (let a = 0; a < dim; a++) {
      const va = centred[a]!;
      if (va === 0) continue;
      const row = a * dim;
      for (let b = a; b < dim; b++) cov[row + b]! += va * centred[b]!;
    }
  }
  const denom = Math.max(1, n - 1);
  const C = new Matrix(dim, dim);
  for (let a = 0; a < dim; a++) {
    for (let b = a; b < dim; b++) {
      const v = cov[a * dim + b]! / denom;
      C.set(a, b, v);
      C.set(b, a, v);
    }
  }
  const evd = new EigenvalueDecomposition(C, { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  const vectors = evd.eigenvectorMatrix;
  const idx = values.map((_, i) => i).sort((a, b) => values[b]! - values[a]!);
  const total = values.reduce((s, v) => s + Math.max(0, v), 0);
  const kk = Math.min(k, dim);
  const components = idx.slice(0, kk).map((col) => {
    const v = vectors.getColumn(col);
    // Deterministic sign: the largest-magnitude entry is positive.
    let big = 0;
    for (const x of v) if (Math.abs(x) > Math.abs(big)) big = x;
    return big < 0 ? v.map((x) => -x) : v;
  });
  const variance = idx.slice(0, kk).map((i) => Math.max(0, values[i]!));
  const projected = new Float64Array(n * kk);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < kk; c++) {
      const comp = components[c]!;
      let s = 0;
      for (let d = 0; d < dim; d++) s += (rows[i * dim + d]! - mean[d]!) * comp[d]!;
      projected[i * kk + c] = s;
    }
  }
  return { components, variance, explained: variance.map((v) => (total > 0 ? v / total : 0)), projected, mean };
}

/**
 * Cyclic order score of an ordered list of 2-D points: the fraction of consecutive list items
 * (i, i+1, and last→first) that are neighbours in the angular order around the points' centroid.
 * 1 = the list is drawn as a circle in order; a random layout scores ≈ 2/(n−1).
 */
export function cycleOrderScore(xy: ArrayLike<number>, n: number): number {
  if (n < 3) return NaN;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += xy[2 * i]! / n;
    cy += xy[2 * i + 1]! / n;
  }
  const angle = Array.from({ length: n }, (_, i) => Math.atan2(xy[2 * i + 1]! - cy, xy[2 * i]! - cx));
  const byAngle = angle.map((_, i) => i).sort((a, b) => angle[a]! - angle[b]!);
  const pos = new Array<number>(n);
  byAngle.forEach((item, p) => (pos[item] = p));
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(pos[i]! - pos[(i + 1) % n]!);
    if (d === 1 || d === n - 1) hits++;
  }
  return hits / n;
}
