/**
 * Top principal components tracked across frames by block power (subspace) iteration (the full
 * eigen-decomposition is `pca.ts`). Used for the
 * bias lab's layer view. Cheap for the few components a scatter plot needs: each iteration costs
 * 2·n·d·k, and a warm start from the previous frame's components converges in a few iterations and
 * keeps the picture from flipping between frames.
 */
import type { Representation } from './variance-explained';

export interface Pca {
  /** k × d, orthonormal rows. */
  components: Float64Array[];
  /** Variance along each component (per sample, biased 1/n). */
  variances: number[];
  /** Total variance (trace of the covariance). */
  totalVariance: number;
  /** n × k row-major projections of the centred samples. */
  projections: Float64Array;
  k: number;
}

function orthonormalise(vs: Float64Array[]): void {
  for (let a = 0; a < vs.length; a++) {
    const v = vs[a]!;
    for (let b = 0; b < a; b++) {
      const u = vs[b]!;
      let dot = 0;
      for (let j = 0; j < v.length; j++) dot += v[j]! * u[j]!;
      for (let j = 0; j < v.length; j++) v[j]! -= dot * u[j]!;
    }
    let norm = 0;
    for (let j = 0; j < v.length; j++) norm += v[j]! * v[j]!;
    norm = Math.sqrt(norm);
    if (norm > 1e-300) for (let j = 0; j < v.length; j++) v[j]! /= norm;
    else {
      // A degenerate direction: restart it on a basis vector.
      v.fill(0);
      v[a % v.length] = 1;
    }
  }
}

/** proj (n × k) = X V for the centred rows X (n × d) and directions V (k rows of d). */
function project(x: Float64Array, n: number, d: number, vs: readonly Float64Array[], proj: Float64Array): void {
  const k = vs.length;
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let a = 0; a < k; a++) {
      const v = vs[a]!;
      let s = 0;
      for (let j = 0; j < d; j++) s += x[row + j]! * v[j]!;
      proj[i * k + a] = s;
    }
  }
}

/**
 * The k leading principal components. `init` (e.g. the previous result's components) seeds the
 * iteration and fixes each component's sign to agree with it.
 */
export function principalComponents(
  h: Representation,
  k: number,
  opts: { init?: readonly Float64Array[]; maxIter?: number; tol?: number } = {},
): Pca {
  const { data, n, d } = h;
  const kk = Math.max(1, Math.min(k, d));
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j]! += data[i * d + j]!;
  for (let j = 0; j < d; j++) mean[j]! /= Math.max(1, n);
  const x = new Float64Array(n * d);
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      const v = data[i * d + j]! - mean[j]!;
      x[i * d + j] = v;
      total += v * v;
    }
  }
  total /= Math.max(1, n);

  const vs: Float64Array[] = [];
  for (let a = 0; a < kk; a++) {
    const prev = opts.init?.[a];
    const v = new Float64Array(d);
    if (prev && prev.length === d) v.set(prev);
    // A fixed, deterministic start that is unlikely to be orthogonal to any component.
    else for (let j = 0; j < d; j++) v[j] = Math.sin(1 + 7.3 * (a + 1) * (j + 1)) + (j === a ? 1 : 0);
    vs.push(v);
  }
  orthonormalise(vs);

  const proj = new Float64Array(n * kk);
  const maxIter = opts.maxIter ?? 60;
  const tol = opts.tol ?? 1e-7;
  for (let it = 0; it < maxIter; it++) {
    // proj = X V, then V ← Xᵀ proj (= C V up to the factor n).
    project(x, n, d, vs, proj);
    const next = vs.map(() => new Float64Array(d));
    for (let i = 0; i < n; i++) {
      const row = i * d;
      for (let a = 0; a < kk; a++) {
        const p = proj[i * kk + a]!;
        if (p === 0) continue;
        const w = next[a]!;
        for (let j = 0; j < d; j++) w[j]! += p * x[row + j]!;
      }
    }
    orthonormalise(next);
    let change = 0;
    for (let a = 0; a < kk; a++) {
      let dot = 0;
      for (let j = 0; j < d; j++) dot += next[a]![j]! * vs[a]![j]!;
      change = Math.max(change, 1 - Math.abs(dot));
      vs[a] = next[a]!;
    }
    if (change < tol) break;
  }

  // Signs agree with the initial guess (stable pictures); otherwise make the largest entry positive.
  for (let a = 0; a < kk; a++) {
    const v = vs[a]!;
    const prev = opts.init?.[a];
    let ref = 0;
    if (prev && prev.length === d) for (let j = 0; j < d; j++) ref += v[j]! * prev[j]!;
    else {
      let big = 0;
      for (let j = 0; j < d; j++) if (Math.abs(v[j]!) > Math.abs(big)) big = v[j]!;
      ref = big;
    }
    if (ref < 0) for (let j = 0; j < d; j++) v[j] = -v[j]!;
  }

  project(x, n, d, vs, proj);
  const variances = new Array<number>(kk).fill(0);
  for (let i = 0; i < n * kk; i++) variances[i % kk]! += proj[i]! * proj[i]!;
  for (let a = 0; a < kk; a++) variances[a]! /= Math.max(1, n);
  return { components: vs, variances, totalVariance: total, projections: proj, k: kk };
}
