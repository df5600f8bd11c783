/**
 * Alignment maps between two networks' hidden layers (DESIGN §5.5): H_A (N×d_A) → H_B (N×d_B),
 * rows are samples. Every map is affine with the offset fixed by the probe means,
 *   Ĥ_B = (H_A − μ_A) M + μ_B,
 * and only the linear part M (d_A×d_B) is restricted:
 *   identity            M = I
 *   permutation         M = P            (assignment on neuron correlations, munkres)
 *   scaled-permutation  M = P D, D > 0   (ReLU's intertwiner group; least-squares scales)
 *   signed-permutation  M = P S, S = ±1  (tanh's intertwiner group; assignment on |correlation|)
 *   orthogonal          M = U Vᵀ         (Procrustes: SVD of H̃_Aᵀ H̃_B, ml-matrix)
 *   linear              M = argmin ‖H̃_A M − H̃_B‖ (least squares, ml-matrix)
 * Maps are fitted on one probe set and scored on a held-out one by the normalised residual
 *   ‖Ĥ_B − H_B‖² / ‖H_B − mean(H_B)‖².
 */
import { Matrix, SingularValueDecomposition, solve } from 'ml-matrix';
import { munkres } from 'munkres';

export const MAP_KINDS = ['identity', 'permutation', 'scaled-permutation', 'signed-permutation', 'orthogonal', 'linear'] as const;
export type MapKind = (typeof MAP_KINDS)[number];

export const MAP_LABELS: Record<MapKind, string> = {
  identity: 'identity',
  permutation: 'permutation',
  'scaled-permutation': 'perm × scale₊',
  'signed-permutation': 'signed perm',
  orthogonal: 'orthogonal',
  linear: 'linear',
};

/** A row-major rows×cols matrix. */
export interface Mat {
  rows: number;
  cols: number;
  data: Float64Array;
}

export interface FittedMap {
  kind: MapKind;
  /** d_A×d_B linear part. */
  M: Mat;
  meanA: Float64Array;
  meanB: Float64Array;
  /** For the permutation-type maps: B's neuron matched to each of A's (−1 if none). */
  matching?: Int32Array;
}

export function mat(rows: number, cols: number, data?: ArrayLike<number>): Mat {
  if (data && data.length !== rows * cols) throw new Error(`matrix data has ${data.length} values, expected ${rows}×${cols}`);
  return { rows, cols, data: data ? Float64Array.from(data) : new Float64Array(rows * cols) };
}

export function columnMeans(a: Mat): Float64Array {
  const mean = new Float64Array(a.cols);
  for (let i = 0; i < a.rows; i++) for (let c = 0; c < a.cols; c++) mean[c]! += a.data[i * a.cols + c]!;
  for (let c = 0; c < a.cols; c++) mean[c]! /= Math.max(1, a.rows);
  return mean;
}

export function centred(a: Mat, mean = columnMeans(a)): Mat {
  const out = mat(a.rows, a.cols);
  for (let i = 0; i < a.rows; i++) for (let c = 0; c < a.cols; c++) out.data[i * a.cols + c] = a.data[i * a.cols + c]! - mean[c]!;
  return out;
}

/** aᵀ b (a: N×p, b: N×q) → p×q. */
export function crossProduct(a: Mat, b: Mat): Mat {
  if (a.rows !== b.rows) throw new Error(`cross product needs the same number of rows (${a.rows} vs ${b.rows})`);
  const out = mat(a.cols, b.cols);
  const p = a.cols;
  const q = b.cols;
  for (let n = 0; n < a.rows; n++) {
    const ra = n * p;
    const rb = n * q;
    for (let i = 0; i < p; i++) {
      const v = a.data[ra + i]!;
      if (v === 0) continue;
      const row = i * q;
      for (let j = 0; j < q; j++) out.data[row + j]! += v * b.data[rb + j]!;
    }
  }
  return out;
}

/** a b (a: N×p, b: p×q) → N×q. */
export function multiply(a: Mat, b: Mat): Mat {
  if (a.cols !== b.rows) throw new Error(`cannot multiply ${a.rows}×${a.cols} by ${b.rows}×${b.cols}`);
  const out = mat(a.rows, b.cols);
  const q = b.cols;
  for (let n = 0; n < a.rows; n++) {
    const rowOut = n * q;
    for (let k = 0; k < a.cols; k++) {
      const v = a.data[n * a.cols + k]!;
      if (v === 0) continue;
      const rowB = k * q;
      for (let j = 0; j < q; j++) out.data[rowOut + j]! += v * b.data[rowB + j]!;
    }
  }
  return out;
}

function toMl(a: Mat): Matrix {
  return Matrix.from1DArray(a.rows, a.cols, Array.from(a.data));
}

function fromMl(m: Matrix): Mat {
  const out = mat(m.rows, m.columns);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.columns; j++) out.data[i * m.columns + j] = m.get(i, j);
  return out;
}

/** Pearson correlation of every column of A with every column of B (0 where a column is constant). */
export function correlationMatrix(a: Mat, b: Mat): Mat {
  return correlationFromStats(probeStats(a, b));
}

/**
 * The assignment of A's neurons to B's that maximises Σ score(corr), by munkres on the negated
 * scores. Returns, for each of A's neurons, its B neuron (−1 when A has more neurons than B).
 */
export function matchNeurons(corr: Mat, signed = false): Int32Array {
  const cost: number[][] = [];
  for (let i = 0; i < corr.rows; i++) {
    const row: number[] = [];
    for (let j = 0; j < corr.cols; j++) {
      const c = corr.data[i * corr.cols + j]!;
      row.push(-(signed ? Math.abs(c) : c));
    }
    cost.push(row);
  }
  const match = new Int32Array(corr.rows).fill(-1);
  for (const [i, j] of munkres(cost)) match[i] = j;
  return match;
}

function identityMap(d: number): Mat {
  const m = mat(d, d);
  for (let i = 0; i < d; i++) m.data[i * d + i] = 1;
  return m;
}

/**
 * Everything a map fit needs from a probe pair, computed in one pass over the samples:
 * the means, H̃_Aᵀ H̃_A, H̃_Aᵀ H̃_B and the squared norms of B's centred columns.
 */
export interface ProbeStats {
  n: number;
  meanA: Float64Array;
  meanB: Float64Array;
  /** d_A×d_A */
  aa: Mat;
  /** d_A×d_B */
  ab: Mat;
  /** ‖b̃_j‖² */
  bb: Float64Array;
}

export function probeStats(ha: Mat, hb: Mat): ProbeStats {
  if (ha.rows !== hb.rows) throw new Error(`probe sets differ in size (${ha.rows} vs ${hb.rows})`);
  const meanA = columnMeans(ha);
  const meanB = columnMeans(hb);
  const a = centred(ha, meanA);
  const b = centred(hb, meanB);
  const bb = new Float64Array(hb.cols);
  for (let i = 0; i < b.data.length; i++) bb[i % hb.cols]! += b.data[i]! ** 2;
  return { n: ha.rows, meanA, meanB, aa: crossProduct(a, a), ab: crossProduct(a, b), bb };
}

/** Neuron correlations from the probe statistics (0 for a constant neuron). */
export function correlationFromStats(s: ProbeStats): Mat {
  const dA = s.aa.rows;
  const dB = s.ab.cols;
  const out = mat(dA, dB);
  for (let i = 0; i < dA; i++) {
    for (let j = 0; j < dB; j++) {
      const d = Math.sqrt(s.aa.data[i * dA + i]! * s.bb[j]!);
      out.data[i * dB + j] = d > 1e-12 ? s.ab.data[i * dB + j]! / d : 0;
    }
  }
  return out;
}

/** Fits one map on a probe set (H_A, H_B with the same rows). */
export function fitMap(kind: MapKind, ha: Mat, hb: Mat, corr?: Mat): FittedMap {
  const stats = probeStats(ha, hb);
  return fitMapFromStats(kind, stats, corr ?? correlationFromStats(stats));
}

export function fitMapFromStats(kind: MapKind, s: ProbeStats, corr: Mat): FittedMap {
  const { meanA, meanB } = s;
  const dA = s.aa.rows;
  const dB = s.ab.cols;
  if (kind === 'identity') {
    if (dA !== dB) throw new Error(`the identity map needs equal widths (${dA} vs ${dB})`);
    return { kind, M: identityMap(dA), meanA, meanB };
  }
  if (kind === 'permutation' || kind === 'scaled-permutation' || kind === 'signed-permutation') {
    const matching = matchNeurons(corr, kind === 'signed-permutation');
    const M = mat(dA, dB);
    for (let i = 0; i < dA; i++) {
      const j = matching[i]!;
      if (j < 0) continue;
      let v = 1;
      if (kind === 'signed-permutation') v = corr.data[i * dB + j]! < 0 ? -1 : 1;
      if (kind === 'scaled-permutation') {
        // Least-squares positive scale per matched pair: s_i = max(0, ⟨ã_i, b̃_π(i)⟩ / ‖ã_i‖²).
        const aa = s.aa.data[i * dA + i]!;
        v = aa > 1e-12 ? Math.max(0, s.ab.data[i * dB + j]! / aa) : 0;
      }
      M.data[i * dB + j] = v;
    }
    return { kind, M, meanA, meanB, matching };
  }
  if (kind === 'orthogonal') {
    // Procrustes: argmin_{MᵀM = I} ‖ÃM − B̃‖ = U Vᵀ for Ãᵀ B̃ = U S Vᵀ.
    const svd = new SingularValueDecomposition(toMl(s.ab), { autoTranspose: true });
    return { kind, M: fromMl(svd.leftSingularVectors.mmul(svd.rightSingularVectors.transpose())), meanA, meanB };
  }
  // Least squares through the normal equations (ÃᵀÃ) M = ÃᵀB̃; the pseudo-inverse (SVD) when
  // ÃᵀÃ is singular (dead units), i.e. the minimum-norm least-squares solution.
  let x: Matrix;
  try {
    x = solve(toMl(s.aa), toMl(s.ab));
    if (!x.to1DArray().every(Number.isFinite) || x.norm() > 1e8) throw new Error('ill-conditioned');
  } catch {
    x = solve(toMl(s.aa), toMl(s.ab), true);
  }
  return { kind, M: fromMl(x), meanA, meanB };
}

/** Fits every kind on one probe pair, sharing the statistics and the correlations. */
export function fitAllMaps(ha: Mat, hb: Mat, kinds: readonly MapKind[] = MAP_KINDS): { maps: FittedMap[]; corr: Mat } {
  const stats = probeStats(ha, hb);
  const corr = correlationFromStats(stats);
  return { maps: kinds.map((k) => fitMapFromStats(k, stats, corr)), corr };
}

export function applyMap(map: FittedMap, ha: Mat): Mat {
  const out = multiply(centred(ha, map.meanA), map.M);
  for (let n = 0; n < out.rows; n++) for (let j = 0; j < out.cols; j++) out.data[n * out.cols + j]! += map.meanB[j]!;
  return out;
}

/** ‖pred − H_B‖² / ‖H_B − mean(H_B)‖² (NaN when H_B is constant). */
export function normalisedResidual(pred: Mat, hb: Mat): number {
  if (pred.rows !== hb.rows || pred.cols !== hb.cols) throw new Error('prediction and target differ in shape');
  const mean = columnMeans(hb);
  let num = 0;
  let den = 0;
  for (let n = 0; n < hb.rows; n++) {
    for (let j = 0; j < hb.cols; j++) {
      const t = hb.data[n * hb.cols + j]!;
      num += (pred.data[n * hb.cols + j]! - t) ** 2;
      den += (t - mean[j]!) ** 2;
    }
  }
  return den > 0 ? num / den : NaN;
}

export interface AlignmentResult {
  kind: MapKind;
  map: FittedMap;
  /** Normalised residual on the held-out set. */
  residual: number;
  /** The held-out Ĥ_B, for stitching. */
  predicted: Mat;
}

/** Fits every map kind on the probe pair and scores it on the held-out pair. */
export function alignAll(probeA: Mat, probeB: Mat, heldA: Mat, heldB: Mat, kinds: readonly MapKind[] = MAP_KINDS): AlignmentResult[] {
  return fitAllMaps(probeA, probeB, kinds).maps.map((map) => {
    const predicted = applyMap(map, heldA);
    return { kind: map.kind, map, residual: normalisedResidual(predicted, heldB), predicted };
  });
}

/**
 * The share of the orthogonal map's improvement over the identity that another map recovers:
 * (r_identity − r_map) / (r_identity − r_orthogonal).
 */
export function recoveredShare(identity: number, other: number, orthogonal: number): number {
  const gain = identity - orthogonal;
  return gain > 0 ? (identity - other) / gain : NaN;
}
