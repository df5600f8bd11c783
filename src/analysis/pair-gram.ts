/**
 * Second-order statistics of a pair of hidden layers H_A (N×d_A), H_B (N×d_B), rows are samples:
 * the means and the centred cross products H̃_Aᵀ H̃_A, H̃_Aᵀ H̃_B, H̃_Bᵀ H̃_B. Everything the
 * alignment maps, their held-out residuals, the Procrustes similarities and the rotation null need
 * can be computed from these (d×d, not N×d), and rotating B's hidden space, B → B R, is algebra
 * on them: μ_B → μ_B R, H̃_Aᵀ H̃_B → (H̃_Aᵀ H̃_B) R, H̃_Bᵀ H̃_B → Rᵀ (H̃_Bᵀ H̃_B) R.
 */
import { centred, columnMeans, crossProduct, mat, multiply, type FittedMap, type Mat, type ProbeStats } from './alignment';

export interface PairGram {
  n: number;
  meanA: Float64Array;
  meanB: Float64Array;
  /** d_A×d_A */
  aa: Mat;
  /** d_A×d_B */
  ab: Mat;
  /** d_B×d_B */
  bb: Mat;
}

export function pairGram(ha: Mat, hb: Mat): PairGram {
  if (ha.rows !== hb.rows) throw new Error(`the two layers have different sample counts (${ha.rows} vs ${hb.rows})`);
  const meanA = columnMeans(ha);
  const meanB = columnMeans(hb);
  const a = centred(ha, meanA);
  const b = centred(hb, meanB);
  return { n: ha.rows, meanA, meanB, aa: crossProduct(a, a), ab: crossProduct(a, b), bb: crossProduct(b, b) };
}

export function transpose(a: Mat): Mat {
  const out = mat(a.cols, a.rows);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out.data[j * a.rows + i] = a.data[i * a.cols + j]!;
  return out;
}

function rowTimes(v: Float64Array, r: Mat): Float64Array {
  const out = new Float64Array(r.cols);
  for (let i = 0; i < r.rows; i++) {
    const x = v[i]!;
    for (let j = 0; j < r.cols; j++) out[j]! += x * r.data[i * r.cols + j]!;
  }
  return out;
}

/** The statistics of (H_A, H_B R) for a d_B×d_B matrix R (a rotation, for the null). */
export function rotateB(g: PairGram, r: Mat): PairGram {
  if (r.rows !== g.bb.rows || r.cols !== g.bb.cols) throw new Error('the rotation must be d_B×d_B');
  return {
    n: g.n,
    meanA: g.meanA,
    meanB: rowTimes(g.meanB, r),
    aa: g.aa,
    ab: multiply(g.ab, r),
    bb: multiply(transpose(r), multiply(g.bb, r)),
  };
}

/**
 * The fit statistics of (H_A, H_B R) — what probeStatsOf(rotateB(g, r)) gives — with B's diagonal
 * diag(Rᵀ (H̃_BᵀH̃_B) R)_j = Σ_i R_ij ((H̃_BᵀH̃_B) R)_ij: one d³ product for B's instead of two.
 */
export function rotatedProbeStats(g: PairGram, r: Mat): ProbeStats {
  if (r.rows !== g.bb.rows || r.cols !== g.bb.cols) throw new Error('the rotation must be d_B×d_B');
  const d = r.cols;
  const bbR = multiply(g.bb, r);
  const bb = new Float64Array(d);
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) bb[j]! += r.data[i * d + j]! * bbR.data[i * d + j]!;
  return { n: g.n, meanA: g.meanA, meanB: rowTimes(g.meanB, r), aa: g.aa, ab: multiply(g.ab, r), bb };
}

/** What a held-out residual (residualFromGram) reads of a pair's statistics: B's own cross product only through its trace. */
export interface ResidualStats {
  n: number;
  meanA: Float64Array;
  meanB: Float64Array;
  aa: Mat;
  ab: Mat;
  /** tr(H̃_Bᵀ H̃_B) */
  bbTrace: number;
}

export function residualStatsOf(g: PairGram): ResidualStats {
  return { n: g.n, meanA: g.meanA, meanB: g.meanB, aa: g.aa, ab: g.ab, bbTrace: trace(g.bb) };
}

/**
 * The residual statistics of (H_A, H_B R): μ_B and H̃_AᵀH̃_B rotated; tr(Rᵀ (H̃_BᵀH̃_B) R) equals
 * tr(H̃_BᵀH̃_B) for an orthogonal R, so B's own cross product needs no product at all.
 */
export function rotatedResidualStats(g: ResidualStats, r: Mat): ResidualStats {
  if (r.rows !== g.ab.cols || r.cols !== g.ab.cols) throw new Error('the rotation must be d_B×d_B');
  return { ...g, meanB: rowTimes(g.meanB, r), ab: multiply(g.ab, r) };
}

/** What the map fits read: the cross products with only the diagonal of B's. */
export function probeStatsOf(g: PairGram): ProbeStats {
  const d = g.bb.rows;
  const bb = new Float64Array(d);
  for (let j = 0; j < d; j++) bb[j] = g.bb.data[j * d + j]!;
  return { n: g.n, meanA: g.meanA, meanB: g.meanB, aa: g.aa, ab: g.ab, bb };
}

function trace(a: Mat): number {
  let s = 0;
  for (let i = 0; i < Math.min(a.rows, a.cols); i++) s += a.data[i * a.cols + i]!;
  return s;
}

/**
 * The normalised residual ‖Ĥ_B − H_B‖² / ‖H_B − mean(H_B)‖² of a fitted map on another sample
 * (the held-out set) from that sample's statistics: with centred held-out rows ã, b̃ and
 * δ = (m_A − μ_A) M + μ_B − m_B (m: held-out means, μ: the map's probe means),
 *   Σ‖ã M + δ − b̃‖² = tr(Mᵀ ÃᵀÃ M) − 2 tr(Mᵀ ÃᵀB̃) + tr(B̃ᵀB̃) + N ‖δ‖².
 * `held` from residualStatsOf (or rotatedResidualStats).
 */
export function residualFromGram(map: FittedMap, held: ResidualStats): number {
  const M = map.M;
  const den = held.bbTrace;
  if (!(den > 0)) return NaN;
  // Mᵀ (ÃᵀÃ) first: multiply() skips zero entries of its left factor, so a permutation-type M is cheap.
  const mtaa = multiply(transpose(M), held.aa);
  const dA = M.rows;
  const dB = M.cols;
  let quad = 0;
  let cross = 0;
  for (let j = 0; j < dB; j++) for (let k = 0; k < dA; k++) quad += mtaa.data[j * dA + k]! * M.data[k * dB + j]!;
  for (let i = 0; i < M.data.length; i++) cross += held.ab.data[i]! * M.data[i]!;
  const shift = new Float64Array(held.meanA.length);
  for (let i = 0; i < shift.length; i++) shift[i] = held.meanA[i]! - map.meanA[i]!;
  const delta = rowTimes(shift, M);
  let dd = 0;
  for (let j = 0; j < delta.length; j++) dd += (delta[j]! + map.meanB[j]! - held.meanB[j]!) ** 2;
  return Math.max(0, quad - 2 * cross + den + held.n * dd) / den;
}
