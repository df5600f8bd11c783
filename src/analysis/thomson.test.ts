import { describe, expect, it } from 'vitest';
import { createRng } from '../engine/rng';
import { coulombEnergy, identityDirections, thomsonDirections } from './thomson';

function distances(d: ReturnType<typeof thomsonDirections>): number[] {
  const out: number[] = [];
  for (let i = 0; i < d.count; i++) {
    for (let j = i + 1; j < d.count; j++) {
      let s = 0;
      for (let c = 0; c < d.dim; c++) s += (d.data[i * d.dim + c]! - d.data[j * d.dim + c]!) ** 2;
      out.push(Math.sqrt(s));
    }
  }
  return out;
}

describe('Thomson directions', () => {
  it.each([2, 4, 16])('K = k+1 in R^%i gives the regular simplex: equidistant unit vectors', (k) => {
    const d = thomsonDirections(k + 1, k, createRng(k));
    const expected = Math.sqrt((2 * (k + 1)) / k);
    for (const dist of distances(d)) expect(dist).toBeCloseTo(expected, 3);
    for (let i = 0; i < d.count; i++) {
      let s = 0;
      for (let c = 0; c < d.dim; c++) s += d.data[i * d.dim + c]! ** 2;
      expect(s).toBeCloseTo(1, 10);
    }
  });

  it('spreads K = 2k points with lower energy than a random start', () => {
    const rng = createRng(3);
    const start = thomsonDirections(8, 4, rng, 0);
    const opt = thomsonDirections(8, 4, createRng(3));
    expect(coulombEnergy(opt)).toBeLessThan(coulombEnergy(start));
    // 2k points in R^k: the optimum is the cross-polytope (±e_i), whose distances are √2 and 2.
    for (const dist of distances(opt)) expect([Math.SQRT2, 2].some((v) => Math.abs(dist - v) < 0.02)).toBe(true);
  });

  it('identity directions are the standard basis', () => {
    expect(Array.from(identityDirections(2).data)).toEqual([1, 0, 0, 1]);
  });

  it('rejects invalid sizes', () => {
    expect(() => thomsonDirections(0, 3, createRng(1))).toThrow(/positive integers/);
  });
});
