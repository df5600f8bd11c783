/**
 * How a model spends capacity (DESIGN §5.2). Capacity C_i itself is `capacity` in
 * analysis/dimensionality.ts; this file classifies it and gives the quadratic toy's loss
 * per unit capacity.
 *
 * Quadratic toy: y = Σ v_i x_i², ŷ = Σ_k (W x)_k² + b = xᵀMx + b with M = WᵀW, features
 * i.i.d., zero mean, unit variance, kurtosis K. With the optimal bias,
 *   L = (K−1) Σ_i (v_i − M_ii)² + 2 Σ_{i≠j} M_ij².
 * Giving feature i its diagonal error and its row of interference, and writing
 * Σ_{j≠i} M_ij² = M_ii² (1/C_i − 1), the best M_ii for a given C_i leaves
 *   L_i(C) = v_i² α · 2u / (α + 2u),   α = K − 1,  u = 1/C − 1,
 * which is α v_i² (feature ignored) at C = 0 and 0 at C = 1. Its marginal gain per unit capacity
 *   −dL_i/dC = 2 α² v_i² / (2 + (α − 2) C)²
 * falls with C when K > 3 (diminishing returns: spreading capacity over features pays, the
 * optimum is polysemantic) and rises with C when K < 3 (all-or-nothing: monosemantic or ignored).
 * At the optimum every feature with fractional capacity has the same marginal gain.
 */

export type Regime = 'mono' | 'poly' | 'ignored';
export const REGIMES: readonly Regime[] = ['mono', 'poly', 'ignored'];
export const MONO_THRESHOLD = 0.9;
export const IGNORED_THRESHOLD = 0.1;

/** mono: C > 0.9; poly: 0.1 < C ≤ 0.9; ignored: C ≤ 0.1 (and NaN). */
export function regimeOf(c: number): Regime {
  if (!(c > IGNORED_THRESHOLD)) return 'ignored';
  return c > MONO_THRESHOLD ? 'mono' : 'poly';
}

export function regimeCounts(capacities: readonly number[]): Record<Regime, number> {
  const counts: Record<Regime, number> = { mono: 0, poly: 0, ignored: 0 };
  for (const c of capacities) counts[regimeOf(c)]++;
  return counts;
}

export function polysemanticFraction(capacities: readonly number[]): number {
  return capacities.length === 0 ? 0 : regimeCounts(capacities).poly / capacities.length;
}

/** L_i(C): the quadratic toy's best loss for feature i (importance v) at capacity C. */
export function quadraticFeatureLoss(c: number, v: number, kurtosis: number): number {
  const alpha = kurtosis - 1;
  if (!(c > 0)) return alpha * v * v;
  const u = 1 / Math.min(1, c) - 1;
  return (v * v * alpha * 2 * u) / (alpha + 2 * u);
}

/** −dL_i/dC: loss the feature would still save per extra unit of capacity. */
export function marginalGain(c: number, v: number, kurtosis: number): number {
  const alpha = kurtosis - 1;
  const cc = Math.min(1, Math.max(0, Number.isFinite(c) ? c : 0));
  const g = 2 + (alpha - 2) * cc;
  return (2 * alpha * alpha * v * v) / (g * g);
}

/** The quadratic toy's full loss for a given W (m×n row-major), importances and kurtosis. */
export function quadraticExpectedLoss(
  w: { rows: number; cols: number; data: ArrayLike<number> },
  importance: readonly number[],
  kurtosis: number,
): number {
  const { rows: m, cols: n, data } = w;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let g = 0;
      for (let k = 0; k < m; k++) g += data[k * n + i]! * data[k * n + j]!;
      if (i === j) loss += (kurtosis - 1) * (importance[i]! - g) ** 2;
      else loss += 4 * g * g;
    }
  }
  return loss;
}
