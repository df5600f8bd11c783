import { describe, expect, it } from 'vitest';
import { countCooccurrence, pairIndex, pearson, pmiPairs } from './pmi';

describe('PMI', () => {
  // Hand-made corpus of 8 windows over 4 words.
  const windows = [[0, 1], [0, 1], [0, 1, 2], [2, 3], [2, 3], [3], [0], [1, 1, 3]];
  const c = countCooccurrence(4, windows.length, (w, out) => {
    windows[w]!.forEach((v, k) => (out[k] = v));
    return windows[w]!.length;
  });

  it('counts each word once per window and each pair once per window', () => {
    expect(Array.from(c.single)).toEqual([4, 4, 3, 4]);
    expect(c.pairs[pairIndex(0, 1, 4)]).toBe(3);
    expect(c.pairs[pairIndex(0, 2, 4)]).toBe(1);
    expect(c.pairs[pairIndex(2, 3, 4)]).toBe(2);
    expect(c.pairs[pairIndex(1, 3, 4)]).toBe(1);
    expect(c.pairs[pairIndex(0, 3, 4)]).toBe(0);
  });

  it('gives log(p(i,j) / p(i)p(j)) for pairs that co-occur', () => {
    const p = pmiPairs(c, 1);
    const get = (i: number, j: number) => {
      for (let k = 0; k < p.i.length; k++) if (p.i[k] === i && p.j[k] === j) return p.pmi[k]!;
      return undefined;
    };
    expect(get(0, 1)).toBeCloseTo(Math.log(3 / 8 / ((4 / 8) * (4 / 8))), 6);
    expect(get(2, 3)).toBeCloseTo(Math.log(2 / 8 / ((3 / 8) * (4 / 8))), 6);
    expect(get(0, 2)).toBeCloseTo(Math.log(1 / 8 / ((4 / 8) * (3 / 8))), 6);
    expect(get(0, 3)).toBeUndefined();
    expect(pmiPairs(c, 2).i.length).toBe(2);
  });

  it('pearson is 1 for a line, −1 for its mirror, NaN when constant', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(pearson([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
  });
});
