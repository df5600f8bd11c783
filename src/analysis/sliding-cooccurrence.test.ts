import { describe, expect, it } from 'vitest';
import { createRng } from '../engine/rng';
import { countCooccurrence, pairIndex } from './pmi';
import { slidingCooccurrence } from './sliding-cooccurrence';

/** Random groups of distinct words, in segments of random lengths. */
function randomGroups(seed: number, groups: number, V: number) {
  const rng = createRng(seed);
  const start = [0];
  const words: number[] = [];
  for (let g = 0; g < groups; g++) {
    const set = new Set<number>();
    const n = rng.int(5);
    for (let k = 0; k < n; k++) set.add(rng.int(V));
    words.push(...set);
    start.push(words.length);
  }
  const segments = [0];
  while (segments[segments.length - 1]! < groups) segments.push(Math.min(groups, segments[segments.length - 1]! + 1 + rng.int(12)));
  return { groups: { start: Uint32Array.from(start), words: Int32Array.from(words) }, segments: Uint32Array.from(segments) };
}

describe('slidingCooccurrence', () => {
  it('equals counting every window of every segment directly', () => {
    for (const [seed, size] of [
      [1, 1],
      [2, 3],
      [3, 5],
      [4, 20],
    ] as const) {
      const V = 9;
      const { groups, segments } = randomGroups(seed, 120, V);
      const windows: Array<[number, number]> = [];
      for (let s = 0; s + 1 < segments.length; s++) {
        const a = segments[s]!;
        const b = segments[s + 1]!;
        for (let f = a; f <= Math.max(a, b - size); f++) windows.push([f, Math.min(b, f + size)]);
      }
      const bag = (w: number, out: Int32Array) => {
        const set = new Set<number>();
        for (let k = groups.start[windows[w]![0]]!; k < groups.start[windows[w]![1]]!; k++) set.add(groups.words[k]!);
        let n = 0;
        for (const x of set) out[n++] = x;
        return n;
      };
      const direct = countCooccurrence(V, windows.length, bag, V);
      // Track all words but 4 (compact ids shift down past it).
      const compact = Int32Array.from({ length: V }, (_, i) => (i === 4 ? -1 : i < 4 ? i : i - 1));
      const slid = slidingCooccurrence(groups, segments, size, compact, V - 1, windows.length);
      for (let i = 0; i < V; i++) {
        if (i === 4) continue;
        expect(slid.single[compact[i]!]).toBe(direct.single[i]);
        for (let j = i + 1; j < V; j++) {
          if (j === 4) continue;
          expect(slid.pairs[pairIndex(compact[i]!, compact[j]!, V - 1)]).toBe(direct.pairs[pairIndex(i, j, V)]);
        }
      }
    }
  });
});
