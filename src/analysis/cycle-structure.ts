/**
 * Cyclic structure of an ordered list of items (months, weekdays, features on a ring), read the
 * same way from a model and from the data, so that a missing ring can be blamed on the right one:
 *
 * - cycle score: the items' vectors (a model's W columns, or the items' positive-PMI rows against
 *   the whole vocabulary), each L2-normalised, in their top-2 principal plane, scored by
 *   `cycleOrderScore` (1 = drawn as a circle in list order; chance ≈ 2/(n−1));
 * - similarity against cyclic distance d = 1…⌊n/2⌋: the mean over item pairs at that distance of
 *   a similarity (the cosine of the vectors, or the data's PMI), which shows calendar structure
 *   even where no full ring closes.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { cycleOrderScore } from './pca';

export interface CyclePlane {
  /** n × 2 coordinates in the top-2 principal plane of the normalised rows. */
  xy: Float64Array;
  score: number;
  /** Fraction of the rows' variance on PC1 and PC2. */
  explained: number[];
}

/** Rows scaled to unit length (zero rows stay zero). */
export function normalizeRows(rows: ArrayLike<number>, n: number, d: number): Float64Array {
  const out = Float64Array.from(rows);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let c = 0; c < d; c++) s += out[i * d + c]! ** 2;
    const norm = Math.sqrt(s);
    if (norm > 0) for (let c = 0; c < d; c++) out[i * d + c]! /= norm;
  }
  return out;
}

/**
 * Top-2 principal coordinates of n rows (n × d) through the n × n Gram matrix of the centred rows
 * (n ≪ d here: a few items against a whole vocabulary), with each PC's share of the variance.
 * Signs are fixed so that the largest-magnitude coordinate of each PC is positive.
 */
export function principalPlane(rows: ArrayLike<number>, n: number, d: number): { xy: Float64Array; explained: number[] } {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) mean[c]! += rows[i * d + c]! / n;
  const G = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += (rows[i * d + c]! - mean[c]!) * (rows[j * d + c]! - mean[c]!);
      G.set(i, j, s);
      G.set(j, i, s);
    }
  }
  const evd = new EigenvalueDecomposition(G, { assumeSymmetric: true });
  const values = evd.realEigenvalues.map((v) => Math.max(0, v));
  const order = values.map((_, i) => i).sort((a, b) => values[b]! - values[a]!);
  const total = values.reduce((s, v) => s + v, 0);
  const xy = new Float64Array(n * 2);
  const explained: number[] = [];
  for (let c = 0; c < Math.min(2, n); c++) {
    const col = order[c]!;
    const scale = Math.sqrt(values[col]!);
    const v = evd.eigenvectorMatrix.getColumn(col);
    let big = 0;
    for (const x of v) if (Math.abs(x) > Math.abs(big)) big = x;
    const sign = big < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) xy[2 * i + c] = sign * v[i]! * scale;
    explained.push(total > 0 ? values[col]! / total : 0);
  }
  return { xy, explained };
}

/** The cycle plane and score of n ordered rows (n × d); NaN score below 3 items. */
export function cyclePlaneOfRows(rows: ArrayLike<number>, n: number, d: number): CyclePlane {
  if (n < 3 || d < 1) return { xy: new Float64Array(n * 2), score: NaN, explained: [] };
  const { xy, explained } = principalPlane(normalizeRows(rows, n, d), n, d);
  return { xy, score: cycleOrderScore(xy, n), explained };
}

/** Cyclic distance between positions i and j of an n-cycle. */
export const cyclicDistance = (i: number, j: number, n: number): number => {
  const d = Math.abs(i - j) % n;
  return Math.min(d, n - d);
};

/** Where the listed items sit on their cycle (e.g. the months found in a vocabulary: 0, 2, 3, …). */
export interface CyclePositions {
  positions: readonly number[];
  /** Length of the full cycle (12 for the months). */
  period: number;
}

/**
 * Mean of sim(i, j) over the pairs at each cyclic distance 1…⌊period/2⌋ (entry d − 1); items at
 * `at.positions` of a cycle of `at.period` (default: item i at i, period n). Non-finite
 * similarities are skipped; a distance without a finite pair is NaN.
 */
export function meanByCyclicDistance(n: number, sim: (i: number, j: number) => number, at?: CyclePositions): number[] {
  const period = at?.period ?? n;
  const pos = (i: number) => at?.positions[i] ?? i;
  const D = Math.floor(period / 2);
  const sum = new Float64Array(D);
  const count = new Float64Array(D);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = cyclicDistance(pos(i), pos(j), period);
      const s = sim(i, j);
      if (d < 1 || !Number.isFinite(s)) continue;
      sum[d - 1]! += s;
      count[d - 1]! += 1;
    }
  }
  return Array.from(sum, (s, k) => (count[k]! > 0 ? s / count[k]! : NaN));
}

/** Mean cosine similarity of the rows (n × d) by cyclic distance. */
export function cosineByCyclicDistance(rows: ArrayLike<number>, n: number, d: number, at?: CyclePositions): number[] {
  const unit = normalizeRows(rows, n, d);
  return meanByCyclicDistance(
    n,
    (i, j) => {
      let s = 0;
      for (let c = 0; c < d; c++) s += unit[i * d + c]! * unit[j * d + c]!;
      return s;
    },
    at,
  );
}

/** Word and pair counts over N windows (or samples). */
export interface CooccurrenceCounts {
  V: number;
  N: number;
  single(i: number): number;
  /** Windows holding both i and j (i ≠ j). */
  pair(i: number, j: number): number;
}

/** PMI log(N·n_ij / (n_i n_j)); NaN when the pair never co-occurs or a word never occurs. */
export function pmiOf(c: CooccurrenceCounts, i: number, j: number): number {
  const nij = c.pair(i, j);
  const ni = c.single(i);
  const nj = c.single(j);
  return nij > 0 && ni > 0 && nj > 0 ? Math.log((c.N * nij) / (ni * nj)) : NaN;
}

/** The items' positive-PMI rows against every vocabulary word (itself 0): ids.length × V. */
export function ppmiRows(c: CooccurrenceCounts, ids: readonly number[]): Float64Array {
  const out = new Float64Array(ids.length * c.V);
  ids.forEach((i, k) => {
    for (let j = 0; j < c.V; j++) {
      if (j === i) continue;
      const p = pmiOf(c, i, j);
      out[k * c.V + j] = p > 0 ? p : 0;
    }
  });
  return out;
}

export interface DataCycle {
  plane: CyclePlane;
  /** Mean PMI of item pairs by cyclic distance 1…⌊n/2⌋. */
  pmiByDistance: number[];
  /** Mean cosine of the items' PPMI rows by cyclic distance. */
  cosineByDistance: number[];
}

/** The cycle read out of the data alone, for the items `ids` in cycle order (at `at` on their cycle). */
export function dataCycle(c: CooccurrenceCounts, ids: readonly number[], at?: CyclePositions): DataCycle {
  const rows = ppmiRows(c, ids);
  return {
    plane: cyclePlaneOfRows(rows, ids.length, c.V),
    pmiByDistance: meanByCyclicDistance(ids.length, (a, b) => pmiOf(c, ids[a]!, ids[b]!), at),
    cosineByDistance: cosineByCyclicDistance(rows, ids.length, c.V, at),
  };
}

/** Counts of a dense 0/1 sample matrix (samples × V). */
export function countsOfDense(x: ArrayLike<number>, samples: number, V: number): CooccurrenceCounts {
  const single = new Float64Array(V);
  const pairs = new Float64Array(V * V);
  const active = new Int32Array(V);
  for (let r = 0; r < samples; r++) {
    let k = 0;
    for (let i = 0; i < V; i++) if (x[r * V + i]) active[k++] = i;
    for (let a = 0; a < k; a++) {
      const i = active[a]!;
      single[i]! += 1;
      for (let b = a + 1; b < k; b++) pairs[i * V + active[b]!]! += 1;
    }
  }
  return {
    V,
    N: samples,
    single: (i) => single[i]!,
    pair: (i, j) => (i < j ? pairs[i * V + j]! : pairs[j * V + i]!),
  };
}
