/** The best rank-r approximation of a matrix (Eckart–Young, by SVD), as factors U (m×r) and V (r×n). */
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import type { Mat } from './alignment';

export function lowRankFactors(a: Mat, rank: number): { u: Float32Array; v: Float32Array; rank: number } {
  const r = Math.max(1, Math.min(rank, a.rows, a.cols));
  const svd = new SingularValueDecomposition(Matrix.from1DArray(a.rows, a.cols, Array.from(a.data)), { autoTranspose: true });
  const left = svd.leftSingularVectors;
  const right = svd.rightSingularVectors;
  const s = svd.diagonal;
  const u = new Float32Array(a.rows * r);
  const v = new Float32Array(r * a.cols);
  // Split each singular value evenly between the two factors: U = U_r √S, V = √S V_rᵀ.
  for (let k = 0; k < r; k++) {
    const root = Math.sqrt(Math.max(0, s[k] ?? 0));
    for (let i = 0; i < a.rows; i++) u[i * r + k] = left.get(i, k) * root;
    for (let j = 0; j < a.cols; j++) v[k * a.cols + j] = right.get(j, k) * root;
  }
  return { u, v, rank: r };
}
