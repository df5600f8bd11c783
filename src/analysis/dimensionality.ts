/**
 * Feature geometry of a weight matrix W (m×n, row-major, column i = feature i).
 * Feature dimensionality D_i = ‖W_i‖² / Σ_j (Ŵ_i·W_j)² — identical to the capacity
 * C_i = (W_i·W_i)² / Σ_j (W_i·W_j)² of the capacity lab; both labs call this one function.
 */

export interface Matrix {
  rows: number;
  cols: number;
  /** Row-major values. */
  data: ArrayLike<number>;
}

/** Gram matrix G = WᵀW (n×n), G_ij = W_i·W_j. */
export function gram(w: Matrix): Float64Array {
  const { rows: m, cols: n, data } = w;
  const g = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < m; k++) s += data[k * n + i]! * data[k * n + j]!;
      g[i * n + j] = s;
      g[j * n + i] = s;
    }
  }
  return g;
}

export function columnNorms(w: Matrix): number[] {
  const g = gram(w);
  return Array.from({ length: w.cols }, (_, i) => Math.sqrt(g[i * w.cols + i]!));
}

/**
 * D_i (equivalently capacity C_i). A zero column gives 0, not NaN: a feature that is not
 * represented has no dimensions.
 */
export function featureDimensionality(w: Matrix, zeroTolerance = 1e-12): number[] {
  const n = w.cols;
  const g = gram(w);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const self = g[i * n + i]!;
    let denom = 0;
    for (let j = 0; j < n; j++) denom += g[i * n + j]! * g[i * n + j]!;
    out.push(self <= zeroTolerance || denom <= 0 ? 0 : (self * self) / denom);
  }
  return out;
}

export const capacity = featureDimensionality;

/** m / ‖W‖_F²: hidden dimensions spent per unit of represented feature norm. */
export function dimensionsPerFeature(w: Matrix): number {
  let frob = 0;
  for (let k = 0; k < w.rows * w.cols; k++) frob += w.data[k]! * w.data[k]!;
  return frob > 0 ? w.rows / frob : Infinity;
}

/** Σ_{j≠i} (Ŵ_i·W_j)²: how much other features interfere with feature i. */
export function superpositionStrength(w: Matrix): number[] {
  const n = w.cols;
  const g = gram(w);
  return Array.from({ length: n }, (_, i) => {
    const self = g[i * n + i]!;
    if (self <= 0) return 0;
    let s = 0;
    for (let j = 0; j < n; j++) if (j !== i) s += (g[i * n + j]! * g[i * n + j]!) / self;
    return s;
  });
}

/** The "sticky" fractions that D_i settles on for uniform polytopes. */
export const STICKY_FRACTIONS: ReadonlyArray<{ value: number; label: string }> = [
  { value: 1, label: '1' },
  { value: 3 / 4, label: '3/4' },
  { value: 2 / 3, label: '2/3' },
  { value: 1 / 2, label: '1/2' },
  { value: 2 / 5, label: '2/5' },
  { value: 3 / 8, label: '3/8' },
  { value: 1 / 3, label: '1/3' },
];
