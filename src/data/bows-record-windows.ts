/**
 * Record windows, the authors' sampling of real text: a sample is the bag of words of W
 * consecutive records (paragraphs of a book, mails of a mailbox), stride 1, never across a
 * document; a document with fewer than W records is one window. Pure.
 */

/** Each record's distinct vocabulary ids (< V), as one flat list with offsets. */
export interface RecordBags {
  start: Uint32Array;
  words: Int32Array;
}

export function recordBags(tokens: Uint16Array, recStart: Uint32Array, V: number): RecordBags {
  const R = recStart.length - 1;
  const start = new Uint32Array(R + 1);
  const out: number[] = [];
  const seen = new Int32Array(V).fill(-1);
  for (let r = 0; r < R; r++) {
    start[r] = out.length;
    for (let t = recStart[r]!; t < recStart[r + 1]!; t++) {
      const w = tokens[t]!;
      if (w < V && seen[w] !== r) {
        seen[w] = r;
        out.push(w);
      }
    }
  }
  start[R] = out.length;
  return { start, words: Int32Array.from(out) };
}

/** Record index of each document start (every document offset is a record offset). */
export function documentRecords(docStart: Uint32Array, recStart: Uint32Array): Uint32Array {
  const out = new Uint32Array(docStart.length);
  let r = 0;
  for (let d = 0; d < docStart.length; d++) {
    while (r < recStart.length && recStart[r]! < docStart[d]!) r++;
    if (recStart[r] !== docStart[d]) throw new Error('a document does not start at a record');
    out[d] = r;
  }
  return out;
}

/** Windows as record ranges [first, end); only windows holding a vocabulary word are kept. */
export interface RecordWindows {
  first: Uint32Array;
  end: Uint32Array;
}

/** Calls `each(first, end)` for every window of `size` records of every document, in order, empty or not. */
export function forEachRecordWindow(docRec: Uint32Array, size: number, each: (first: number, end: number, doc: number) => void): void {
  for (let d = 0; d + 1 < docRec.length; d++) {
    const a = docRec[d]!;
    const b = docRec[d + 1]!;
    if (b <= a) continue;
    const last = Math.max(a, b - size);
    for (let s = a; s <= last; s++) each(s, Math.min(b, s + size), d);
  }
}

export function buildRecordWindows(docRec: Uint32Array, size: number, bags: RecordBags): RecordWindows {
  const first: number[] = [];
  const end: number[] = [];
  forEachRecordWindow(docRec, size, (s, e) => {
    if (bags.start[e]! > bags.start[s]!) {
      first.push(s);
      end.push(e);
    }
  });
  return { first: Uint32Array.from(first), end: Uint32Array.from(end) };
}

/** Reads the distinct words of record ranges, with a stamp per word instead of a search. */
export class RecordWindowReader {
  private readonly stamp: Uint32Array;
  private tick = 0;

  constructor(
    private readonly bags: RecordBags,
    V: number,
  ) {
    this.stamp = new Uint32Array(V);
  }

  /** Distinct words of records [first, end) into `out` (unsorted); returns how many. */
  read(first: number, end: number, out: Int32Array): number {
    if (++this.tick === 0xffffffff) {
      this.stamp.fill(0);
      this.tick = 1;
    }
    const { start, words } = this.bags;
    const tick = this.tick;
    let k = 0;
    for (let p = start[first]!; p < start[end]!; p++) {
      const w = words[p]!;
      if (this.stamp[w] !== tick) {
        this.stamp[w] = tick;
        out[k++] = w;
      }
    }
    return k;
  }
}
