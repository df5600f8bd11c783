/**
 * Closed-form moments and kurtosis of the capacity lab's input generators. Kurtosis here is the
 * standardised fourth central moment K = E[(x−μ)⁴] / E[(x−μ)²]² (Gaussian: 3), not the excess.
 *
 * Generators (all i.i.d. per feature):
 * - `power`:  x = sign(g)·|g|^p, g ~ N(0,1). K(p) = Γ(2p+½)·√π / Γ(p+½)² — K(0⁺)=1, K(½)=π/2,
 *   K(1)=3, K(2)≈11.7, increasing in p.
 * - `sparse`: x = 0 with probability S, else N(0,σ²). K(S) = 3 / (1−S).
 * - `sparse-uniform`: x = 0 with probability S, else U(0,1) — the superposition lab's ReLU-model
 *   inputs. Non-central; K(S) from its raw moments E xᵏ = (1−S)/(k+1).
 */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(z) for z > 0 (Lanczos, g = 7; relative error ~1e-15). */
export function logGamma(z: number): number {
  if (!(z > 0)) throw new Error(`logGamma needs z > 0, got ${z}`);
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const x = z - 1;
  let a = LANCZOS[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** E|g|^q for g ~ N(0,1): 2^{q/2} Γ((q+1)/2) / √π. */
export function gaussianAbsMoment(q: number): number {
  return Math.exp((q / 2) * Math.LN2 + logGamma((q + 1) / 2) - 0.5 * Math.log(Math.PI));
}

export type InputDistribution = 'power' | 'sparse' | 'sparse-uniform';

/** Kurtosis of the power family at exponent p > 0. */
export function powerKurtosis(p: number): number {
  if (!(p > 0)) throw new Error(`power p must be > 0, got ${p}`);
  return Math.exp(logGamma(2 * p + 0.5) + 0.5 * Math.log(Math.PI) - 2 * logGamma(p + 0.5));
}

/** E x² of the power family (x = sign·|g|^p). */
export function powerSecondMoment(p: number): number {
  return gaussianAbsMoment(2 * p);
}

export function sparseGaussianKurtosis(s: number): number {
  if (!(s >= 0 && s < 1)) throw new Error(`sparsity must be in [0, 1), got ${s}`);
  return 3 / (1 - s);
}

/** Central kurtosis of x = 0 w.p. S, else U(0,1). */
export function sparseUniformKurtosis(s: number): number {
  if (!(s >= 0 && s < 1)) throw new Error(`sparsity must be in [0, 1), got ${s}`);
  const q = 1 - s;
  const m1 = q / 2;
  const m2 = q / 3;
  const m3 = q / 4;
  const m4 = q / 5;
  const variance = m2 - m1 * m1;
  const central4 = m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 ** 4;
  return central4 / (variance * variance);
}

/**
 * K(S) of the sparse-uniform family is not monotone: it falls from 1.8 at S = 0 to its minimum
 * (1.6875 near S = 0.2) before rising. Golden-section search for that minimum.
 */
function argminOn(f: (t: number) => number, lo: number, hi: number): number {
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  for (let i = 0; i < 200; i++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (f(c) < f(d)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}
export const SPARSE_UNIFORM_ARGMIN = argminOn(sparseUniformKurtosis, 0, 0.9);

/** Smallest kurtosis each family reaches (its infimum). */
export const MIN_KURTOSIS: Record<InputDistribution, number> = {
  power: 1,
  sparse: 3,
  'sparse-uniform': sparseUniformKurtosis(SPARSE_UNIFORM_ARGMIN),
};

/** Inverts a kurtosis curve that increases on [lo, hi] by bisection in t. */
function invertIncreasing(f: (t: number) => number, target: number, lo: number, hi: number): number {
  if (target <= f(lo)) return lo;
  if (target >= f(hi)) return hi;
  let a = lo;
  let b = hi;
  for (let i = 0; i < 100; i++) {
    const mid = (a + b) / 2;
    if (f(mid) < target) a = mid;
    else b = mid;
  }
  return (a + b) / 2;
}

/** The power exponent p with K(p) = K (K clamped to the family's range [1.0001, K(6)]). */
export function powerForKurtosis(k: number): number {
  return invertIncreasing(powerKurtosis, k, 1e-3, 6);
}

/** Sparsity S of the sparse-Gaussian mixture with kurtosis K (S = 1 − 3/K; K < 3 → S = 0). */
export function sparsityForKurtosis(k: number): number {
  return k <= 3 ? 0 : 1 - 3 / k;
}

/** Sparsity S of the sparse-uniform inputs with kurtosis K, on the increasing branch S ≥ S*. */
export function sparseUniformSparsityForKurtosis(k: number): number {
  return invertIncreasing(sparseUniformKurtosis, k, SPARSE_UNIFORM_ARGMIN, 0.9999);
}

/** A generator set to a target kurtosis: its shape parameter and the kurtosis it really has. */
export interface GeneratorSetting {
  distribution: InputDistribution;
  /** p for `power`, S for the sparse families. */
  shape: number;
  kurtosis: number;
}

export function generatorForKurtosis(distribution: InputDistribution, k: number): GeneratorSetting {
  if (distribution === 'power') {
    const p = powerForKurtosis(k);
    return { distribution, shape: p, kurtosis: powerKurtosis(p) };
  }
  if (distribution === 'sparse') {
    const s = sparsityForKurtosis(k);
    return { distribution, shape: s, kurtosis: sparseGaussianKurtosis(s) };
  }
  const s = sparseUniformSparsityForKurtosis(k);
  return { distribution, shape: s, kurtosis: sparseUniformKurtosis(s) };
}

/** Sample kurtosis (central, standardised) of a list of values. */
export function sampleKurtosis(values: ArrayLike<number>): number {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i]!;
  mean /= n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m4 += d2 * d2;
  }
  m2 /= n;
  m4 /= n;
  return m2 > 0 ? m4 / (m2 * m2) : NaN;
}
