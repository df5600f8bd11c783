/** Row-major matrices for the pure analyses (SRM, PPPM, anisotropy): the few helpers they share. */

/** A row-major rows×cols matrix of any numeric array type. */
export interface RowMatrix {
  rows: number;
  cols: number;
  data: ArrayLike<number>;
}

export function identityBasis(k: number): RowMatrix {
  const data = new Float64Array(k * k);
  for (let i = 0; i < k; i++) data[i * k + i] = 1;
  return { rows: k, cols: k, data };
}

/** Rows scaled to unit norm; an all-zero row stays zero (it lies in no cone). */
export function normaliseRows(m: RowMatrix): Float64Array {
  const { rows, cols, data } = m;
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) s += data[r * cols + c]! ** 2;
    if (!(s > 0) || !Number.isFinite(s)) continue;
    const inv = 1 / Math.sqrt(s);
    for (let c = 0; c < cols; c++) out[r * cols + c] = data[r * cols + c]! * inv;
  }
  return out;
}

/**
 * The orthonormal frame (u, v) of the plane of b_i and b_j: u = b_i/‖b_i‖, v the unit part of b_j
 * orthogonal to u. Null when b_j is (numerically) parallel to b_i or either is zero.
 */
export function planeFrame(basis: RowMatrix, i: number, j: number): { u: Float64Array; v: Float64Array } | null {
  const k = basis.cols;
  const u = new Float64Array(k);
  const v = new Float64Array(k);
  let nu = 0;
  for (let c = 0; c < k; c++) {
    u[c] = basis.data[i * k + c]!;
    nu += u[c]! ** 2;
  }
  if (!(nu > 1e-24)) return null;
  nu = Math.sqrt(nu);
  let dot = 0;
  for (let c = 0; c < k; c++) {
    u[c]! /= nu;
    dot += u[c]! * basis.data[j * k + c]!;
  }
  let nv = 0;
  for (let c = 0; c < k; c++) {
    v[c] = basis.data[j * k + c]! - dot * u[c]!;
    nv += v[c]! ** 2;
  }
  if (!(nv > 1e-16)) return null;
  nv = Math.sqrt(nv);
  for (let c = 0; c < k; c++) v[c]! /= nv;
  return { u, v };
}
