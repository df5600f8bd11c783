/**
 * Exact co-occurrence over stride-1 windows of consecutive groups (a window = the union of the
 * words of `size` consecutive groups inside one segment; a segment shorter than `size` is one
 * window) without enumerating every window's pairs: a word's presence is a run of windows, and a
 * pair's count is the total length of the runs where both are present. Entering at window t adds
 * −t to the word's count and to its pair with every word present; leaving at t adds +t. Each slide
 * touches only the words that enter or leave, so 20-record windows cost about what 1-record
 * windows cost. Pure maths.
 */
import type { Cooccurrence } from './pmi';

export interface GroupedWords {
  /** Offsets of each group's distinct word ids in `words` (length groups + 1). */
  start: Uint32Array;
  words: Int32Array;
}

/**
 * Counts over the windows of `size` groups in each segment (`segments`: group offsets). Words are
 * vocabulary ids < V; only words with `compact[id] ≥ 0` are counted, under that compact index
 * (P of them). `windows` in the result counts the windows that hold at least one word of the
 * whole vocabulary (as the window list does), passed in as `nonEmptyWindows`.
 */
export function slidingCooccurrence(
  groups: GroupedWords,
  segments: Uint32Array,
  size: number,
  compact: Int32Array,
  P: number,
  nonEmptyWindows: number,
): Cooccurrence & { maxPresent: number } {
  const V = compact.length;
  const single = new Float64Array(P);
  const pairs = new Int32Array((P * (P - 1)) / 2);
  const count = new Int32Array(V);
  const present = new Int32Array(P);
  const posOf = new Int32Array(P).fill(-1);
  let nPresent = 0;
  let nAll = 0;
  let maxPresent = 0;
  const idx = (p: number, q: number) => (p < q ? p * P - (p * (p + 1)) / 2 + (q - p - 1) : q * P - (q * (q + 1)) / 2 + (p - q - 1));

  const enter = (w: number, t: number) => {
    nAll++;
    const p = compact[w]!;
    if (p < 0) return;
    single[p]! -= t;
    for (let k = 0; k < nPresent; k++) pairs[idx(p, present[k]!)]! -= t;
    posOf[p] = nPresent;
    present[nPresent++] = p;
  };
  const leave = (w: number, t: number) => {
    nAll--;
    const p = compact[w]!;
    if (p < 0) return;
    const at = posOf[p]!;
    const lastP = present[--nPresent]!;
    present[at] = lastP;
    posOf[lastP] = at;
    posOf[p] = -1;
    single[p]! += t;
    for (let k = 0; k < nPresent; k++) pairs[idx(p, present[k]!)]! += t;
  };
  const add = (g: number, t: number) => {
    for (let k = groups.start[g]!; k < groups.start[g + 1]!; k++) {
      const w = groups.words[k]!;
      if (count[w]!++ === 0) enter(w, t);
    }
  };
  const remove = (g: number, t: number) => {
    for (let k = groups.start[g]!; k < groups.start[g + 1]!; k++) {
      const w = groups.words[k]!;
      if (--count[w]! === 0) leave(w, t);
    }
  };

  let t = 0;
  for (let s = 0; s + 1 < segments.length; s++) {
    const a = segments[s]!;
    const b = segments[s + 1]!;
    if (b <= a) continue;
    const windows = b - a <= size ? 1 : b - a - size + 1;
    for (let g = a; g < Math.min(b, a + size); g++) add(g, t);
    maxPresent = Math.max(maxPresent, nAll);
    for (let k = 1; k < windows; k++) {
      add(a + k - 1 + size, t + k);
      remove(a + k - 1, t + k);
      maxPresent = Math.max(maxPresent, nAll);
    }
    t += windows;
    for (let g = Math.max(a, b - size); g < b; g++) remove(g, t);
    // Groups before the last window were removed while sliding; the last window's groups just left.
  }
  return { vocab: P, windows: nonEmptyWindows, single, pairs: new Uint32Array(pairs.buffer), maxPresent };
}
