/**
 * Co-occurrence statistics of binary bag-of-words windows: pointwise mutual information
 * PMI(i, j) = log( p(i, j) / (p(i) p(j)) ) with p(i) the fraction of windows holding word i and
 * p(i, j) the fraction holding both. Pure maths; no DOM.
 */

export interface Cooccurrence {
  vocab: number;
  windows: number;
  /** Windows holding word i. */
  single: Float64Array;
  /** Upper triangle (i < j) of the pair counts, row-major: index pairIndex(i, j, V). */
  pairs: Uint32Array;
}

/** Index of the pair (i < j) in the packed upper triangle of a V×V matrix. */
export function pairIndex(i: number, j: number, V: number): number {
  return i * V - (i * (i + 1)) / 2 + (j - i - 1);
}

/**
 * Counts words and word pairs over `windows` windows. `fill(w, out)` writes the distinct word ids
 * (< V) of window w into `out` and returns how many.
 */
export function countCooccurrence(V: number, windows: number, fill: (w: number, out: Int32Array) => number, maxWords = 256): Cooccurrence {
  const single = new Float64Array(V);
  const pairs = new Uint32Array((V * (V - 1)) / 2);
  const buf = new Int32Array(maxWords);
  for (let w = 0; w < windows; w++) {
    const k = fill(w, buf);
    const ids = buf.subarray(0, k).sort();
    for (let a = 0; a < k; a++) {
      const i = ids[a]!;
      if (a > 0 && ids[a - 1] === i) continue;
      single[i]! += 1;
      for (let b = a + 1; b < k; b++) {
        const j = ids[b]!;
        if (j === ids[b - 1]) continue;
        pairs[pairIndex(i, j, V)]! += 1;
      }
    }
  }
  return { vocab: V, windows, single, pairs };
}

export interface PmiPairs {
  i: Int32Array;
  j: Int32Array;
  count: Uint32Array;
  pmi: Float32Array;
}

/** PMI of every pair that co-occurs in at least `minCount` windows. */
export function pmiPairs(c: Cooccurrence, minCount = 1): PmiPairs {
  const V = c.vocab;
  const is: number[] = [];
  const js: number[] = [];
  const counts: number[] = [];
  const pmis: number[] = [];
  const N = c.windows;
  let k = 0;
  for (let i = 0; i < V; i++) {
    for (let j = i + 1; j < V; j++, k++) {
      const n = c.pairs[k]!;
      if (n < Math.max(1, minCount)) continue;
      is.push(i);
      js.push(j);
      counts.push(n);
      pmis.push(Math.log((n * N) / (c.single[i]! * c.single[j]!)));
    }
  }
  return { i: Int32Array.from(is), j: Int32Array.from(js), count: Uint32Array.from(counts), pmi: Float32Array.from(pmis) };
}

/** Pearson correlation of two equally long sequences (NaN if either is constant or they are empty). */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n < 2) return NaN;
  let ma = 0;
  let mb = 0;
  for (let k = 0; k < n; k++) {
    ma += a[k]!;
    mb += b[k]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let k = 0; k < n; k++) {
    const da = a[k]! - ma;
    const db = b[k]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}
