import { describe, expect, it } from 'vitest';
import {
  capacity,
  columnNorms,
  dimensionsPerFeature,
  featureDimensionality,
  gram,
  superpositionStrength,
  type Matrix,
} from './dimensionality';

/** Columns given as vectors → row-major m×n matrix. */
function fromColumns(columns: number[][]): Matrix {
  const m = columns[0]!.length;
  const n = columns.length;
  const data = new Array<number>(m * n);
  columns.forEach((col, j) => col.forEach((v, i) => (data[i * n + j] = v)));
  return { rows: m, cols: n, data };
}

describe('feature dimensionality', () => {
  it('gives 2/5 for every vertex of a regular pentagon', () => {
    const w = fromColumns(Array.from({ length: 5 }, (_, k) => [Math.cos((2 * Math.PI * k) / 5), Math.sin((2 * Math.PI * k) / 5)]));
    for (const d of featureDimensionality(w)) expect(d).toBeCloseTo(2 / 5, 12);
    expect(dimensionsPerFeature(w)).toBeCloseTo(2 / 5, 12);
  });

  it('gives 1 for orthonormal features and sums to m', () => {
    const w = fromColumns([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ]);
    expect(featureDimensionality(w)).toEqual([1, 1, 1]);
    expect(capacity(w).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('gives 1/2 to each of an antipodal pair whatever its length', () => {
    const w = fromColumns([
      [0.7, 0.7],
      [-0.7, -0.7],
      [0, 0],
    ]);
    const d = featureDimensionality(w);
    expect(d[0]).toBeCloseTo(0.5, 12);
    expect(d[1]).toBeCloseTo(0.5, 12);
    expect(d[2]).toBe(0);
  });

  it('gives 1/3 for a hexagon (three antipodal pairs) and 1 for a lone feature', () => {
    const hex = fromColumns(Array.from({ length: 6 }, (_, k) => [Math.cos((Math.PI * k) / 3), Math.sin((Math.PI * k) / 3)]));
    for (const d of featureDimensionality(hex)) expect(d).toBeCloseTo(1 / 3, 12);
    expect(featureDimensionality(fromColumns([[0, 3]]))).toEqual([1]);
  });

  it('computes the Gram matrix, norms and interference', () => {
    const w = fromColumns([
      [3, 4],
      [1, 0],
    ]);
    expect(Array.from(gram(w))).toEqual([25, 3, 3, 1]);
    expect(columnNorms(w)).toEqual([5, 1]);
    const s = superpositionStrength(w);
    expect(s[0]).toBeCloseTo(9 / 25, 12);
    expect(s[1]).toBeCloseTo(9, 12);
  });
});
