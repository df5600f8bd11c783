/**
 * Spotlight resonance (SRM, DESIGN §5.3). Pure maths on row-major matrices: no tfjs, no DOM.
 * PPPM is in pppm.ts, the anisotropy statistic against its rotation null in anisotropy.ts.
 *
 * SRM. Activations a (N×k) are normalised, â = a/‖a‖. For a pair of privileged directions
 * (b_i, b_j) the probe s(θ) = cosθ b_i + sinθ b_⊥ (b_⊥ the unit part of b_j orthogonal to b_i)
 * sweeps their plane; SRM_ij(θ) = #{â·s(θ) ≥ ε}/N, signed SRM subtracts #{â·s(θ) ≤ −ε}/N.
 * Every â is projected onto (b_i, b_⊥) once: (x, y) = ρ(cosφ, sinφ). Then â·s(θ) = ρ cos(θ − φ) ≥ ε
 * exactly when ρ ≥ ε and |θ − φ| ≤ arccos(ε/ρ), so each activation lights one arc of the angle grid;
 * arcs are summed with a difference array: O(N + angles) per plane instead of O(N · angles).
 */
import { createRng } from '../engine/rng';
import { normaliseRows, planeFrame, type RowMatrix } from './row-matrix';

export const DEFAULT_ANGLES = 360;
export const DEFAULT_EPSILON = 0.9;

/**
 * The planes to average over: ordered pairs (i, j), i ≠ j (K(K−1)), or unordered i < j; when there
 * are more than maxPlanes, a seeded random sample of maxPlanes of them (in pair order).
 */
export function planePairs(K: number, opts: { ordered?: boolean; maxPlanes?: number; seed?: number } = {}): Array<[number, number]> {
  const ordered = opts.ordered ?? true;
  const all: Array<[number, number]> = [];
  for (let i = 0; i < K; i++) {
    for (let j = ordered ? 0 : i + 1; j < K; j++) if (i !== j) all.push([i, j]);
  }
  const cap = opts.maxPlanes ?? Infinity;
  if (all.length <= cap) return all;
  const rng = createRng(opts.seed ?? 0);
  // Partial Fisher–Yates, then back to pair order so the sample reads naturally.
  const idx = all.map((_, n) => n);
  for (let n = 0; n < cap; n++) {
    const m = n + rng.int(idx.length - n);
    [idx[n], idx[m]] = [idx[m]!, idx[n]!];
  }
  return idx
    .slice(0, Math.max(0, Math.floor(cap)))
    .sort((a, b) => a - b)
    .map((n) => all[n]!);
}

/** In-plane coordinates (x = â·u, y = â·v) of every row of the normalised activations. */
export function projectOntoPlane(
  unit: Float64Array,
  k: number,
  frame: { u: Float64Array; v: Float64Array },
): { x: Float64Array; y: Float64Array } {
  const n = unit.length / k;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const { u, v } = frame;
  for (let r = 0; r < n; r++) {
    let sx = 0;
    let sy = 0;
    const o = r * k;
    for (let c = 0; c < k; c++) {
      const a = unit[o + c]!;
      sx += a * u[c]!;
      sy += a * v[c]!;
    }
    x[r] = sx;
    y[r] = sy;
  }
  return { x, y };
}

const TWO_PI = 2 * Math.PI;

/** Adds `w` on the angle-grid indices θ_m within δ of φ (cyclic), into a difference array of length M+1. */
function addArc(diff: Float64Array, M: number, phi: number, delta: number, w: number): void {
  const step = TWO_PI / M;
  const lo = Math.ceil((phi - delta) / step - 1e-9);
  const hi = Math.floor((phi + delta) / step + 1e-9);
  const count = hi - lo + 1;
  if (count <= 0) return;
  if (count >= M) {
    diff[0]! += w;
    diff[M]! -= w;
    return;
  }
  const start = ((lo % M) + M) % M;
  if (start + count <= M) {
    diff[start]! += w;
    diff[start + count]! -= w;
  } else {
    diff[start]! += w;
    diff[M]! -= w;
    diff[0]! += w;
    diff[start + count - M]! -= w;
  }
}

/**
 * The SRM curve of one plane from in-plane coordinates of normalised activations: fraction of the
 * n activations with â·s(θ_m) ≥ ε at θ_m = 2πm/M (minus the fraction ≤ −ε when signed).
 */
export function planeCurve(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  epsilon: number,
  angles = DEFAULT_ANGLES,
  signed = false,
  total = x.length,
): Float64Array {
  const M = angles;
  const diff = new Float64Array(M + 1);
  const w = total > 0 ? 1 / total : 0;
  for (let r = 0; r < x.length; r++) {
    const rho = Math.hypot(x[r]!, y[r]!);
    if (!(rho >= epsilon) || rho === 0) continue;
    const delta = Math.acos(Math.max(-1, Math.min(1, epsilon / rho)));
    const phi = Math.atan2(y[r]!, x[r]!);
    addArc(diff, M, phi, delta, w);
    if (signed) addArc(diff, M, phi + Math.PI, delta, -w);
  }
  const out = new Float64Array(M);
  let run = 0;
  for (let m = 0; m < M; m++) {
    run += diff[m]!;
    out[m] = Math.abs(run) < 1e-12 ? 0 : run;
  }
  return out;
}

export interface SrmOptions {
  /** Cone threshold on the cosine, 0 < ε ≤ 1 (half-angle arccos ε). */
  epsilon?: number;
  /** Angle grid size over [0, 2π). */
  angles?: number;
  signed?: boolean;
  /** Ordered pairs (i, j) and (j, i), or unordered i < j. */
  ordered?: boolean;
  /** Cap on the planes averaged (a seeded random sample beyond it). */
  maxPlanes?: number;
  seed?: number;
}

export interface SrmResult {
  /** θ_m = 2πm/M. */
  angles: Float64Array;
  /** The mean curve over planes. */
  mean: Float64Array;
  /** Standard deviation over planes at each angle (population s.d.; 0 with one plane). */
  sd: Float64Array;
  planes: Array<[number, number]>;
  epsilon: number;
}

function checkShapes(acts: RowMatrix, basis: RowMatrix): void {
  if (acts.cols !== basis.cols) {
    throw new Error(`the basis has ${basis.cols} columns but the activations have ${acts.cols}`);
  }
  if (basis.rows < 2) throw new Error('SRM needs at least two privileged directions');
}

/** SRM mean curve over the (capped) planes of the basis. Activations N×k, basis K×k. */
export function srm(acts: RowMatrix, basis: RowMatrix, opts: SrmOptions = {}): SrmResult {
  checkShapes(acts, basis);
  const epsilon = opts.epsilon ?? DEFAULT_EPSILON;
  const M = opts.angles ?? DEFAULT_ANGLES;
  const unit = normaliseRows(acts);
  return srmOfUnit(unit, acts.cols, basis, { ...opts, epsilon, angles: M });
}

/** SRM on already-normalised rows (lets callers reuse one normalisation). */
export function srmOfUnit(unit: Float64Array, k: number, basis: RowMatrix, opts: SrmOptions = {}): SrmResult {
  const epsilon = opts.epsilon ?? DEFAULT_EPSILON;
  const M = opts.angles ?? DEFAULT_ANGLES;
  const pairs = planePairs(basis.rows, opts);
  const mean = new Float64Array(M);
  const sq = new Float64Array(M);
  const used: Array<[number, number]> = [];
  const n = unit.length / k;
  for (const [i, j] of pairs) {
    const frame = planeFrame(basis, i, j);
    if (!frame) continue;
    const { x, y } = projectOntoPlane(unit, k, frame);
    const curve = planeCurve(x, y, epsilon, M, opts.signed ?? false, n);
    for (let m = 0; m < M; m++) {
      mean[m]! += curve[m]!;
      sq[m]! += curve[m]! ** 2;
    }
    used.push([i, j]);
  }
  const sd = new Float64Array(M);
  if (used.length > 0) {
    for (let m = 0; m < M; m++) {
      mean[m]! /= used.length;
      sd[m] = Math.sqrt(Math.max(0, sq[m]! / used.length - mean[m]! ** 2));
    }
  }
  const angles = new Float64Array(M);
  for (let m = 0; m < M; m++) angles[m] = (TWO_PI * m) / M;
  return { angles, mean, sd, planes: used, epsilon };
}
