import { describe, expect, it } from 'vitest';
import { createRng } from '../engine/rng';
import { varianceExplained, varianceExplainedByFeatures } from './variance-explained';
import { principalComponents } from './pca-tracking';

/** n random ±1/0-1 features and a representation built from them. */
function bits(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => (rng.next() < 0.5 ? 1 : 0));
}

describe('variance explained (R² of the representation on a feature)', () => {
  const n = 4000;

  it('is 1 for a representation that is exactly a scaled feature, in any direction', () => {
    const y = bits(n, 1);
    const dir = [0.3, -2, 0.7, 5];
    const h = new Float32Array(n * dir.length);
    for (let i = 0; i < n; i++) dir.forEach((a, j) => (h[i * dir.length + j] = 3 * a * y[i]! + 10 * j));
    expect(varianceExplained({ data: h, n, d: dir.length }, y)).toBeCloseTo(1, 10);
  });

  it('is about 0 for an independent feature (bias ≈ 1/n)', () => {
    const y = bits(n, 2);
    const rng = createRng(3);
    const d = 16;
    const h = Float32Array.from({ length: n * d }, () => rng.normal());
    const r2 = varianceExplained({ data: h, n, d }, y);
    // Computed another way: each unit's squared correlation with y, weighted by the unit's variance.
    const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((s, v) => s + v, 0) / xs.length;
    const my = mean(y);
    let explained = 0;
    let total = 0;
    for (let j = 0; j < d; j++) {
      const col = Array.from({ length: n }, (_, i) => h[i * d + j]!);
      const mc = mean(col);
      let sxy = 0,
        sxx = 0,
        syy = 0;
      for (let i = 0; i < n; i++) {
        sxy += (col[i]! - mc) * (y[i]! - my);
        sxx += (col[i]! - mc) ** 2;
        syy += (y[i]! - my) ** 2;
      }
      explained += (sxy * sxy) / syy;
      total += sxx;
    }
    expect(r2).toBeCloseTo(explained / total, 10);
    // Chance level: each unit's R² averages 1/(n − 1); here 0.00046 (1.8/n). Far below any real signal.
    expect(r2).toBeGreaterThan(0);
    expect(r2).toBeLessThan(4 / n);
  });

  it('splits 0.75 / 0.25 between two independent features mixed 3:1 in variance', () => {
    const a = bits(n, 4);
    const b = bits(n, 5);
    // Same direction (variances add for independent features) and orthogonal directions.
    const same = new Float32Array(n * 2);
    const orth = new Float32Array(n * 3);
    for (let i = 0; i < n; i++) {
      const va = Math.sqrt(3) * (a[i]! - 0.5);
      const vb = b[i]! - 0.5;
      same[i * 2] = va + vb;
      same[i * 2 + 1] = -2 * (va + vb);
      orth[i * 3] = va;
      orth[i * 3 + 1] = vb;
      orth[i * 3 + 2] = 0; // a dead unit
    }
    for (const [h, d] of [
      [same, 2],
      [orth, 3],
    ] as const) {
      const [ra, rb] = varianceExplainedByFeatures({ data: h, n, d }, [a, b]);
      expect(ra).toBeCloseTo(0.75, 1);
      expect(rb).toBeCloseTo(0.25, 1);
      expect(Math.abs(ra! - 0.75)).toBeLessThan(0.02);
      expect(Math.abs(rb! - 0.25)).toBeLessThan(0.02);
    }
  });

  it('is exact for balanced ±1 features mixed 3:1 (orthogonal by construction)', () => {
    // All four (a, b) combinations once: the features are exactly uncorrelated.
    const a = [0, 0, 1, 1];
    const b = [0, 1, 0, 1];
    const h = a.map((v, i) => Math.sqrt(3) * v + b[i]!);
    const [ra, rb] = varianceExplainedByFeatures({ data: h, n: 4, d: 1 }, [a, b]);
    expect(ra).toBeCloseTo(0.75, 12);
    expect(rb).toBeCloseTo(0.25, 12);
  });

  it('gives 0 for a constant feature, NaN for a representation without variance, and checks sizes', () => {
    const h = [1, 2, 3, 4];
    expect(varianceExplained({ data: h, n: 4, d: 1 }, [1, 1, 1, 1])).toBe(0);
    expect(varianceExplained({ data: [5, 5, 5, 5], n: 4, d: 1 }, [0, 1, 0, 1])).toBeNaN();
    expect(() => varianceExplained({ data: h, n: 4, d: 2 }, [0, 1, 0, 1])).toThrow(/expected 4×2/);
    expect(() => varianceExplained({ data: h, n: 4, d: 1 }, [0, 1])).toThrow(/expected 4/);
  });
});

describe('principal components (block power iteration)', () => {
  it('finds the planted axes, their variances and a stable sign', () => {
    const rng = createRng(9);
    const n = 2000;
    const d = 5;
    // Variances 9 along e1+e2 (normalised), 4 along e3, 0.25 elsewhere.
    const u = [Math.SQRT1_2, Math.SQRT1_2, 0, 0, 0];
    const v = [0, 0, 1, 0, 0];
    const h = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const s = 3 * rng.normal();
      const t = 2 * rng.normal();
      for (let j = 0; j < d; j++) h[i * d + j] = s * u[j]! + t * v[j]! + 0.5 * rng.normal() + 7;
    }
    const pca = principalComponents({ data: h, n, d }, 2);
    const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, x, j) => s + x * b[j]!, 0);
    expect(Math.abs(dot(pca.components[0]!, u))).toBeGreaterThan(0.99);
    expect(Math.abs(dot(pca.components[1]!, v))).toBeGreaterThan(0.99);
    expect(pca.variances[0]).toBeGreaterThan(8.5);
    expect(pca.variances[0]).toBeLessThan(10.5);
    expect(pca.variances[1]).toBeGreaterThan(3.6);
    expect(pca.variances[1]).toBeLessThan(4.6);
    expect(pca.totalVariance).toBeCloseTo(pca.variances[0]! + pca.variances[1]! + 0.25 * 3, 0);
    // Projections are of centred data: mean 0, variance = the component's.
    let m = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      m += pca.projections[i * 2]!;
      s2 += pca.projections[i * 2]! ** 2;
    }
    expect(Math.abs(m / n)).toBeLessThan(1e-9);
    expect(s2 / n).toBeCloseTo(pca.variances[0]!, 8);
    // A warm start with flipped components keeps the flipped signs.
    const flipped = pca.components.map((c) => c.map((x) => -x));
    const again = principalComponents({ data: h, n, d }, 2, { init: flipped });
    expect(dot(again.components[0]!, pca.components[0]!)).toBeLessThan(-0.999);
  });
});
