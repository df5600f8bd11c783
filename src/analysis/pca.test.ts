import { describe, expect, it } from 'vitest';
import { cycleOrderScore, pca } from './pca';
import { createRng } from '../engine/rng';

describe('PCA', () => {
  it('finds the plane of points on a circle embedded in 5-D, with their angles', () => {
    const rng = createRng(1);
    const n = 12;
    const dim = 5;
    // Orthonormal u, v in R⁵.
    const u = [1, 1, 0, 0, 0].map((x) => x / Math.SQRT2);
    const v = [0, 0, 1, 0, 1].map((x) => x / Math.SQRT2);
    const rows = new Float64Array(n * dim);
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      for (let d = 0; d < dim; d++) rows[i * dim + d] = 3 * Math.cos(a) * u[d]! + 2 * Math.sin(a) * v[d]! + 0.7 + 1e-3 * rng.normal();
    }
    const p = pca(rows, n, dim, 2);
    expect(p.explained[0]! + p.explained[1]!).toBeGreaterThan(0.999);
    expect(Math.abs(p.components[0]!.reduce((s, c, d) => s + c * u[d]!, 0))).toBeCloseTo(1, 4);
    expect(p.variance[0]).toBeCloseTo((9 / 2) * (n / (n - 1)), 2);
    expect(cycleOrderScore(p.projected, n)).toBe(1);
  });

  it('cycle order score: 1 for an ordered circle, low for a shuffled one', () => {
    const n = 12;
    const circle = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      circle[2 * i] = Math.cos((2 * Math.PI * i) / n);
      circle[2 * i + 1] = Math.sin((2 * Math.PI * i) / n);
    }
    expect(cycleOrderScore(circle, n)).toBe(1);
    // Visiting the circle's points in the order 0, 5, 10, 3, 8, 1, … (step 5): no list neighbours adjacent.
    const shuffled = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const k = (5 * i) % n;
      shuffled[2 * i] = circle[2 * k]!;
      shuffled[2 * i + 1] = circle[2 * k + 1]!;
    }
    expect(cycleOrderScore(shuffled, n)).toBe(0);
    expect(cycleOrderScore(circle, 2)).toBeNaN();
  });
});
