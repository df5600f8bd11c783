/**
 * The known answer of a linear autoencoder (Baldi & Hornik 1989), as pure maths on row-major
 * arrays: for data with covariance Σ = Σ_i λ_i u_i u_iᵀ (λ₀ ≥ λ₁ ≥ …), the minimum of
 * E‖x − W₂W₁x‖² over rank-k maps is Σ_{i≥k} λ_i, reached when span(W₂) is the top-k principal
 * subspace span(u₀…u_{k−1}). How close a decoder is: the mean squared cosine of the principal
 * angles between span(W₂) and that subspace, ‖Q_Wᵀ U_k‖²_F / k ∈ [0, 1] (a random k-dim subspace
 * of ℝᵈ scores k/d on average).
 */
import { Matrix, SingularValueDecomposition } from 'ml-matrix';

type Floats = ArrayLike<number>;

/** λ_i = rⁱ, i = 0…d−1. */
export function spectrum(d: number, r: number): number[] {
  return Array.from({ length: d }, (_, i) => r ** i);
}

/** Σ_{i≥k} λ_i: the least expected loss of a rank-k linear autoencoder (λ sorted descending). */
export function optimumLoss(lambda: readonly number[], k: number): number {
  return lambda.slice(k).reduce((s, v) => s + v, 0);
}

/**
 * An orthonormal basis of the column space of the rows×cols matrix `a` (row-major), as columns
 * (each an array of `rows` numbers): the left singular vectors whose singular value is above
 * `tol` × the largest. Empty for a zero matrix.
 */
export function columnSpaceBasis(a: Floats, rows: number, cols: number, tol = 1e-6): number[][] {
  const m = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) m.set(i, j, a[i * cols + j]!);
  const svd = new SingularValueDecomposition(m, { autoTranspose: true, computeRightSingularVectors: false });
  const sigma = svd.diagonal;
  const top = sigma[0] ?? 0;
  if (!(top > 0) || !Number.isFinite(top)) return [];
  const u = svd.leftSingularVectors;
  const out: number[][] = [];
  for (let c = 0; c < Math.min(sigma.length, u.columns); c++) if (sigma[c]! > tol * top) out.push(u.getColumn(c));
  return out;
}

/** ‖Qᵀ v‖² for an orthonormal basis Q (columns): the squared cosine between v (unit) and span(Q). */
export function squaredCosine(q: readonly number[][], v: Floats): number {
  let s = 0;
  for (const col of q) {
    let dot = 0;
    for (let i = 0; i < col.length; i++) dot += col[i]! * v[i]!;
    s += dot * dot;
  }
  return s;
}

/** Row i of the d×d row-major basis: the eigenvector u_i. */
function row(basis: Floats, d: number, i: number): number[] {
  return Array.from({ length: d }, (_, c) => basis[i * d + c]!);
}

/**
 * Per eigen-direction i, ‖P u_i‖² with P the projection onto the column space of the d×k decoder
 * W₂: the share of direction i's variance λ_i that the decoder's span captures (Σ_i of them is
 * the span's dimension).
 */
export function capturedShares(w2: Floats, d: number, k: number, basis: Floats): number[] {
  const q = columnSpaceBasis(w2, d, k);
  return Array.from({ length: d }, (_, i) => squaredCosine(q, row(basis, d, i)));
}

/** ‖Q_Wᵀ U_k‖²_F / k for the decoder W₂ (d×k) against the top-min(k, d) eigenvectors: in [0, 1]. */
export function subspaceAlignment(w2: Floats, d: number, k: number, basis: Floats): number {
  const kk = Math.min(k, d);
  const shares = capturedShares(w2, d, k, basis);
  return shares.slice(0, kk).reduce((s, v) => s + v, 0) / kk;
}

/**
 * E‖x − W₂W₁x‖² for x ~ N(0, Σ_i λ_i u_i u_iᵀ): Σ_i λ_i ‖u_i − W₂W₁u_i‖² (W₁ is k×d, W₂ is d×k).
 */
export function expectedLoss(w1: Floats, w2: Floats, d: number, k: number, basis: Floats, lambda: readonly number[]): number {
  let total = 0;
  const h = new Float64Array(k);
  for (let i = 0; i < d; i++) {
    const u = row(basis, d, i);
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += w1[j * d + c]! * u[c]!;
      h[j] = s;
    }
    let err = 0;
    for (let c = 0; c < d; c++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += w2[c * k + j]! * h[j]!;
      err += (u[c]! - s) ** 2;
    }
    total += lambda[i]! * err;
  }
  return total;
}
