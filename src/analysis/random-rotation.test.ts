import { describe, expect, it } from 'vitest';
import { createRng } from '../engine/rng';
import { randomRotation } from './random-rotation';

describe('randomRotation', () => {
  it('is orthogonal: QQᵀ = I to rounding', () => {
    for (const n of [1, 2, 5, 64]) {
      const q = randomRotation(n, createRng(n));
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let d = 0;
          for (let c = 0; c < n; c++) d += q[i * n + c]! * q[j * n + c]!;
          expect(d).toBeCloseTo(i === j ? 1 : 0, 10);
        }
      }
    }
  });

  it('is seeded, and uniform enough: the mean of q₀₀² over draws is 1/n', () => {
    expect(Array.from(randomRotation(4, createRng(9)))).toEqual(Array.from(randomRotation(4, createRng(9))));
    const rng = createRng(2);
    const n = 4;
    let sum = 0;
    const draws = 4000;
    for (let t = 0; t < draws; t++) sum += randomRotation(n, rng)[0]! ** 2;
    // E[q₀₀²] = 1/n for a Haar rotation; s.d. of the mean ≈ 0.0029 here.
    expect(sum / draws).toBeCloseTo(1 / n, 1);
    expect(Math.abs(sum / draws - 1 / n)).toBeLessThan(0.015);
  });
});
