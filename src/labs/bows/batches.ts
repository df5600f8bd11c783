/**
 * Batches of binary bag-of-words windows, sampled with the run's seeded RNG, in the two forms the
 * model needs: the dense B×V 0/1 matrix (for the reconstruction error) and the sparse lists of
 * (row, word) pairs, once sorted by row (encoder gather-sum) and once by word (its gradient).
 */
import type { Rng } from '../../engine/rng';

/** Items (windows or samples) and the distinct feature ids each holds. */
export interface ItemSource {
  items: number;
  itemWords: (item: number, out: Int32Array) => number;
}

export interface SparseBatch {
  /** Number of (row, word) entries. */
  nnz: number;
  /** Entries sorted by row then word. */
  rows: Int32Array;
  words: Int32Array;
  /** The same entries sorted by word then row, plus one padding entry (row = B → a zero row, word = V − 1). */
  rowsByWord: Int32Array;
  wordsSorted: Int32Array;
}

export class BatchSampler {
  readonly dense: Float32Array;
  private readonly rows: Int32Array;
  private readonly words: Int32Array;
  private readonly rowsByWord: Int32Array;
  private readonly wordsSorted: Int32Array;
  private readonly buf: Int32Array;
  private readonly counts: Int32Array;
  private nnz = 0;

  constructor(
    private readonly source: ItemSource,
    readonly V: number,
    readonly batch: number,
    maxWindow: number,
  ) {
    this.dense = new Float32Array(batch * V);
    const cap = batch * maxWindow + 1;
    this.rows = new Int32Array(cap);
    this.words = new Int32Array(cap);
    this.rowsByWord = new Int32Array(cap);
    this.wordsSorted = new Int32Array(cap);
    this.buf = new Int32Array(maxWindow);
    this.counts = new Int32Array(V + 1);
  }

  /** Fills the batch with windows w₀…w_{B−1} (indices into the item list). */
  fill(windowIndex: (r: number) => number): SparseBatch {
    const { V, batch: B, dense } = this;
    for (let k = 0; k < this.nnz; k++) dense[this.rows[k]! * V + this.words[k]!] = 0;
    let nnz = 0;
    for (let r = 0; r < B; r++) {
      const w = windowIndex(r);
      const k = this.source.itemWords(w, this.buf);
      for (let j = 0; j < k; j++) {
        const word = this.buf[j]!;
        this.rows[nnz] = r;
        this.words[nnz] = word;
        dense[r * V + word] = 1;
        nnz++;
      }
    }
    this.nnz = nnz;
    // Counting sort by word (stable, so rows stay ascending within a word).
    const counts = this.counts;
    counts.fill(0);
    for (let k = 0; k < nnz; k++) counts[this.words[k]! + 1]!++;
    for (let v = 0; v < V; v++) counts[v + 1]! += counts[v]!;
    for (let k = 0; k < nnz; k++) {
      const p = counts[this.words[k]!]!++;
      this.rowsByWord[p] = this.rows[k]!;
      this.wordsSorted[p] = this.words[k]!;
    }
    this.rowsByWord[nnz] = B;
    this.wordsSorted[nnz] = V - 1;
    return {
      nnz,
      rows: this.rows.subarray(0, nnz),
      words: this.words.subarray(0, nnz),
      rowsByWord: this.rowsByWord.subarray(0, nnz + 1),
      wordsSorted: this.wordsSorted.subarray(0, nnz + 1),
    };
  }

  /** A batch of B windows drawn uniformly with replacement. */
  sample(rng: Rng): SparseBatch {
    const n = this.source.items;
    return this.fill(() => rng.int(n));
  }
}
