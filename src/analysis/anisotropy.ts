/**
 * Anisotropy of a code with respect to privileged directions, read against a rotation null
 * (DESIGN §5.3, issue 12). Pure maths: no tfjs, no DOM.
 *
 * Statistic (ε-free): how close each normalised activation lies to its nearest privileged
 * direction (either sign), averaged over the N non-zero rows,
 *     S = (1/N) Σ_n max_i |b_i · â_n|,   â_n = a_n/‖a_n‖,  b_i unit.
 * It is the ε → limit of SRM at the privileged angles: SRM there counts the codes with |b_i·â| ≥ ε,
 * S averages the largest such cosine, so no code is invisible. For the standard basis S = mean ‖â‖_∞:
 * 1 for a code on the axes, 1/√k for a code on the hypercube's corners (where saturated tanh codes
 * sit), 2√2/π ≈ 0.900 in expectation for an isotropic code in k = 2. Both directions count:
 * alignment raises S above its null, anti-alignment lowers it. (Σᵢ(bᵢ·â)⁴, the other ε-free
 * candidate, separated tanh less on the same runs and is constant for a spherical 4-design basis.)
 *
 * Null: the same statistic of the same activations rotated by R independent Haar rotations (seeded,
 * so every caller gets the same numbers), i.e. the code's shape kept, its orientation forgotten.
 * Rotating the activations by Q is the same as measuring them against the basis rotated by Qᵀ,
 * which is how it is computed (K×k×k per rotation instead of N×k×k).
 */
import { createRng } from '../engine/rng';
import { normaliseRows, type RowMatrix } from './row-matrix';
import { randomRotation } from './random-rotation';

/** Random rotations behind the null (the issue asks for ≥ 32). */
export const NULL_ROTATIONS = 40;
/** The null's seed: fixed, so the page, the metrics CSV and the runner agree. */
export const NULL_SEED = 1;

/** The summary's fields, in the order the spotlight snapshot's `anisotropy` tensor stores them. */
export const ANISOTROPY_KEYS = ['value', 'nullMean', 'nullLow', 'nullHigh', 'z'] as const;

export interface AnisotropySummary {
  /** The statistic of the activations as they are. */
  value: number;
  /** Mean of the statistic over the rotated copies. */
  nullMean: number;
  /** 2.5% and 97.5% quantiles of the rotated copies' statistics (linear interpolation). */
  nullLow: number;
  nullHigh: number;
  /** (value − nullMean) / sd of the null (sample s.d.). */
  z: number;
}

export interface AnisotropyResult extends AnisotropySummary {
  /** The statistic of each rotated copy, in draw order. */
  nullValues: Float64Array;
}

/** Unit rows of a basis (zero rows stay zero and contribute nothing). */
function unitBasis(basis: RowMatrix): Float64Array {
  return normaliseRows(basis);
}

/**
 * S = mean over non-zero rows of max_i |b_i·â|, for already-normalised rows `unit` (n×k) and unit
 * basis rows `b` (K×k). NaN when every row is zero.
 */
export function nearestCosine(unit: ArrayLike<number>, k: number, b: ArrayLike<number>, K: number): number {
  const n = Math.floor(unit.length / k);
  let total = 0;
  let rows = 0;
  for (let r = 0; r < n; r++) {
    const o = r * k;
    let norm = 0;
    for (let c = 0; c < k; c++) norm += unit[o + c]! ** 2;
    if (!(norm > 0)) continue;
    rows++;
    let best = 0;
    for (let i = 0; i < K; i++) {
      let dot = 0;
      const bo = i * k;
      for (let c = 0; c < k; c++) dot += b[bo + c]! * unit[o + c]!;
      const d = Math.abs(dot);
      if (d > best) best = d;
    }
    total += best;
  }
  return rows > 0 ? total / rows : NaN;
}

/** The q-quantile (0 ≤ q ≤ 1) of sorted values, linear interpolation between order statistics. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = Math.min(1, Math.max(0, q)) * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Value against a sample of its null: mean, 95% band and z. */
export function summariseNull(value: number, nullValues: ArrayLike<number>): AnisotropySummary {
  const vals = Array.from(nullValues).filter(Number.isFinite);
  const n = vals.length;
  if (n === 0 || !Number.isFinite(value)) return { value, nullMean: NaN, nullLow: NaN, nullHigh: NaN, z: NaN };
  const mean = vals.reduce((s, v) => s + v, 0) / n;
  const variance = n > 1 ? vals.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : 0;
  const sd = Math.sqrt(variance);
  const sorted = Float64Array.from(vals).sort();
  const diff = value - mean;
  // A null of (numerically) one value: z is 0 on it and ±∞ off it, not rounding noise over rounding noise.
  const tiny = 1e-12 * Math.max(1, Math.abs(mean));
  const z = sd > tiny ? diff / sd : Math.abs(diff) <= tiny ? 0 : Math.sign(diff) * Infinity;
  return { value, nullMean: mean, nullLow: quantileSorted(sorted, 0.025), nullHigh: quantileSorted(sorted, 0.975), z };
}

/** True when the value lies outside the null's 95% band (either side). */
export function outsideNull(s: AnisotropySummary): boolean {
  const tiny = 1e-12 * Math.max(1, Math.abs(s.nullMean));
  return s.value < s.nullLow - tiny || s.value > s.nullHigh + tiny;
}

/**
 * The anisotropy statistic of activations (N×k) against privileged directions (K×k), with its
 * rotation null from `rotations` seeded Haar rotations.
 */
export function anisotropy(acts: RowMatrix, basis: RowMatrix, opts: { rotations?: number; seed?: number } = {}): AnisotropyResult {
  if (acts.cols !== basis.cols) throw new Error(`the basis has ${basis.cols} columns but the activations have ${acts.cols}`);
  const k = acts.cols;
  const K = basis.rows;
  const unit = normaliseRows(acts);
  const b = unitBasis(basis);
  const value = nearestCosine(unit, k, b, K);
  const rotations = Math.max(1, Math.floor(opts.rotations ?? NULL_ROTATIONS));
  const rng = createRng((opts.seed ?? NULL_SEED) * 7919 + 17);
  const nullValues = new Float64Array(rotations);
  const rotated = new Float64Array(K * k);
  for (let t = 0; t < rotations; t++) {
    const q = randomRotation(k, rng);
    // Row i of the rotated basis: (Q b_i); then (Q b_i)·â = b_i·(Qᵀ â), a Haar-rotated code.
    for (let i = 0; i < K; i++) {
      for (let r = 0; r < k; r++) {
        let s = 0;
        for (let c = 0; c < k; c++) s += q[r * k + c]! * b[i * k + c]!;
        rotated[i * k + r] = s;
      }
    }
    nullValues[t] = nearestCosine(unit, k, rotated, K);
  }
  return { ...summariseNull(value, nullValues), nullValues };
}
