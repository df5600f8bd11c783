/**
 * Variance of a representation explained by a feature (DESIGN §5.6).
 *
 * A representation H (n samples × d units, row-major) is regressed, unit by unit, on one scalar
 * feature y with an intercept: H_j ≈ a_j + b_j y. The fraction of the representation's total
 * variance that the fitted values carry is
 *
 *   R²(y) = Σ_j Var(ŷ_j) / Σ_j Var(H_j) = ‖Cov(H, y)‖² / (Var(y) · tr Cov(H)),
 *
 * i.e. the squared length of the feature's mean-difference direction, scaled by the feature's
 * variance, over the total variance. For a binary y with rate p this is p(1−p)‖μ₁ − μ₀‖² / tr Cov(H).
 * Independent features explain additive, disjoint shares (they sum to at most 1 in expectation).
 */

export interface Representation {
  /** Row-major n × d. */
  data: ArrayLike<number>;
  n: number;
  d: number;
}

/** Column means and the total (summed over units) sum of squared deviations. */
function centre(h: Representation): { mean: Float64Array; total: number } {
  const { data, n, d } = h;
  if (data.length < n * d) throw new Error(`representation has ${data.length} values, expected ${n}×${d}`);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let j = 0; j < d; j++) mean[j]! += data[row + j]!;
  }
  for (let j = 0; j < d; j++) mean[j]! /= Math.max(1, n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const row = i * d;
    for (let j = 0; j < d; j++) {
      const v = data[row + j]! - mean[j]!;
      total += v * v;
    }
  }
  return { mean, total };
}

/**
 * R² of each feature (each an array of n values) against the same representation. Returns NaN
 * for every feature when the representation has no variance (nothing to explain), and 0 for a
 * constant feature (its regression explains nothing).
 */
export function varianceExplainedByFeatures(h: Representation, features: ReadonlyArray<ArrayLike<number>>): number[] {
  const { data, n, d } = h;
  const { total } = centre(h);
  const cov = new Float64Array(d);
  return features.map((y) => {
    if (y.length < n) throw new Error(`feature has ${y.length} values, expected ${n}`);
    if (!(total > 0) || n < 2) return NaN;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += y[i]!;
    mean /= n;
    let vy = 0;
    cov.fill(0);
    for (let i = 0; i < n; i++) {
      const c = y[i]! - mean;
      if (c === 0) continue;
      vy += c * c;
      const row = i * d;
      // Σ_i c_i (H_ij − H̄_j) = Σ_i c_i H_ij because Σ_i c_i = 0.
      for (let j = 0; j < d; j++) cov[j]! += c * data[row + j]!;
    }
    if (!(vy > 0)) return 0;
    let explained = 0;
    for (let j = 0; j < d; j++) explained += cov[j]! * cov[j]!;
    return Math.min(1, Math.max(0, explained / vy / total));
  });
}

export function varianceExplained(h: Representation, y: ArrayLike<number>): number {
  return varianceExplainedByFeatures(h, [y])[0]!;
}
