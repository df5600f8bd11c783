/**
 * The bows lab's read-outs of a trained W (m×V, column i = word i), pure maths:
 * PMI-vs-WᵀW correlation, month-cycle order score, clustering of the frequent words, PCA map.
 */
import { averageLinkage, cosineDistances, cutTree, leafOrder } from '../../analysis/clustering';
import { pca } from '../../analysis/pca';
import { subspacePcaProjection } from '../../analysis/subspace-pca';
import { cyclePlaneOfRows } from '../../analysis/cycle-structure';
import { pearson } from '../../analysis/pmi';

export { MONTHS, WEEKDAYS } from '../../data/calendar-words';
export const NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** Column i of W (m×V row-major) as a vector. */
export function column(W: ArrayLike<number>, m: number, V: number, i: number): Float64Array {
  const out = new Float64Array(m);
  for (let r = 0; r < m; r++) out[r] = W[r * V + i]!;
  return out;
}

/** Columns `ids` of W as rows of an (ids.length)×m matrix. */
export function columns(W: ArrayLike<number>, m: number, V: number, ids: readonly number[]): Float64Array {
  const out = new Float64Array(ids.length * m);
  ids.forEach((id, k) => {
    for (let r = 0; r < m; r++) out[k * m + r] = W[r * V + id]!;
  });
  return out;
}

/** W_i · W_j for each pair. */
export function pairDots(W: ArrayLike<number>, m: number, V: number, I: ArrayLike<number>, J: ArrayLike<number>): Float32Array {
  const out = new Float32Array(I.length);
  for (let k = 0; k < I.length; k++) {
    const i = I[k]!;
    const j = J[k]!;
    let s = 0;
    for (let r = 0; r < m; r++) s += W[r * V + i]! * W[r * V + j]!;
    out[k] = s;
  }
  return out;
}

export function pmiCorrelation(
  W: ArrayLike<number>,
  m: number,
  V: number,
  I: ArrayLike<number>,
  J: ArrayLike<number>,
  pmi: ArrayLike<number>,
): number {
  return pearson(pmi, pairDots(W, m, V, I, J));
}

/** Vocabulary ids of the listed words that are in the vocabulary, in list order. */
export function listIds(
  list: readonly string[],
  index: ReadonlyMap<string, number>,
): { ids: number[]; found: string[]; missing: string[] } {
  const ids: number[] = [];
  const found: string[] = [];
  const missing: string[] = [];
  for (const w of list) {
    const id = index.get(w);
    if (id === undefined) missing.push(w);
    else {
      ids.push(id);
      found.push(w);
    }
  }
  return { ids, found, missing };
}

/**
 * The listed words' W columns, each L2-normalised (as the authors' months figure), in their own
 * top-2 principal plane, and the cyclic order score there.
 */
export function cyclePlane(
  W: ArrayLike<number>,
  m: number,
  V: number,
  ids: readonly number[],
): { xy: Float64Array; score: number; explained: number[] } {
  return cyclePlaneOfRows(columns(W, m, V, ids), ids.length, m);
}

/**
 * Average-linkage clustering (cosine distance) of the n most frequent words: their dendrogram leaf
 * order, and every word's cluster (the k clusters' mean unit directions, nearest by cosine).
 */
export function clusterWords(W: ArrayLike<number>, m: number, V: number, n: number, k: number): { order: number[]; labels: Int32Array } {
  const top = Array.from({ length: Math.min(n, V) }, (_, i) => i);
  const rows = columns(W, m, V, top);
  const tree = averageLinkage(cosineDistances(rows, top.length, m), top.length);
  const order = leafOrder(tree);
  const cut = cutTree(tree, k);
  const kk = Math.max(...cut) + 1;
  const centroid = new Float64Array(kk * m);
  top.forEach((_, t) => {
    let norm = 0;
    for (let r = 0; r < m; r++) norm += rows[t * m + r]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let r = 0; r < m; r++) centroid[cut[t]! * m + r]! += rows[t * m + r]! / norm;
  });
  const labels = new Int32Array(V);
  for (let i = 0; i < V; i++) {
    if (i < top.length) {
      labels[i] = cut[i]!;
      continue;
    }
    let best = -Infinity;
    let arg = 0;
    for (let c = 0; c < kk; c++) {
      let s = 0;
      for (let r = 0; r < m; r++) s += centroid[c * m + r]! * W[r * V + i]!;
      if (s > best) {
        best = s;
        arg = c;
      }
    }
    labels[i] = arg;
  }
  return { order, labels };
}

/** Above this latent width the m×m eigendecomposition gives way to subspace iteration, fitted on the most frequent words. */
const EXACT_PCA_MAX_M = 256;
const SUBSPACE_FIT_WORDS = 4000;

/** 2-D PCA coordinates of all V columns (V×2). */
export function pcaMap(W: ArrayLike<number>, m: number, V: number): Float32Array {
  const rows = new Float64Array(V * m);
  for (let r = 0; r < m; r++) for (let i = 0; i < V; i++) rows[i * m + r] = W[r * V + i]!;
  return Float32Array.from(
    m <= EXACT_PCA_MAX_M ? pca(rows, V, m, 2).projected : subspacePcaProjection(rows, V, m, 2, 40, SUBSPACE_FIT_WORDS),
  );
}

/** Words joined by "\n" as char codes (a snapshot carries only Float32Arrays). */
export function encodeWords(words: readonly string[]): Float32Array {
  const s = words.join('\n');
  return Float32Array.from(s, (c) => c.charCodeAt(0));
}

export function decodeWords(codes: Float32Array): string[] {
  let s = '';
  const CH = 4096;
  for (let k = 0; k < codes.length; k += CH) s += String.fromCharCode(...Array.from(codes.subarray(k, k + CH)));
  return s.length > 0 ? s.split('\n') : [];
}
