import { describe, expect, it } from 'vitest';
import { capacity, featureDimensionality, type Matrix } from './dimensionality';
import {
  marginalGain,
  polysemanticFraction,
  quadraticExpectedLoss,
  quadraticFeatureLoss,
  regimeCounts,
  regimeOf,
} from './capacity-allocation';
import { createRng } from '../engine/rng';
import { generatorForKurtosis } from './kurtosis';
import { fillSamples } from '../data/kurtosis-inputs';

/** m×n row-major from columns. */
function fromColumns(cols: number[][]): Matrix {
  const m = cols[0]!.length;
  const n = cols.length;
  const data = new Float64Array(m * n);
  cols.forEach((c, i) => c.forEach((v, k) => (data[k * n + i] = v)));
  return { rows: m, cols: n, data };
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe('capacity C_i = (W_i·W_i)² / Σ_j (W_i·W_j)²', () => {
  it('is the superposition lab’s dimensionality: one function', () => {
    expect(capacity).toBe(featureDimensionality);
  });

  it('gives 1 to each column of an orthonormal matrix, Σ C = m', () => {
    const t = 0.7;
    // A rotation of R³ (about z, then x): orthonormal columns.
    const rz = [
      [Math.cos(t), Math.sin(t), 0],
      [-Math.sin(t), Math.cos(t), 0],
      [0, 0, 1],
    ];
    const cols = rz.map(([a, b, c]) => [a!, b! * Math.cos(0.3) - c! * Math.sin(0.3), b! * Math.sin(0.3) + c! * Math.cos(0.3)]);
    const c = capacity(fromColumns(cols));
    for (const ci of c) expect(ci).toBeCloseTo(1, 12);
    expect(sum(c)).toBeCloseTo(3, 12);
  });

  it('gives 1/2 to each of an antipodal pair and 1 to an orthogonal feature', () => {
    const c = capacity(
      fromColumns([
        [0.6, 0.8, 0],
        [-0.6, -0.8, 0],
        [0, 0, 2],
      ]),
    );
    expect(c[0]).toBeCloseTo(0.5, 12);
    expect(c[1]).toBeCloseTo(0.5, 12);
    expect(c[2]).toBeCloseTo(1, 12);
  });

  it('gives 0, not NaN, to a zero column (and to an all-zero matrix)', () => {
    const c = capacity(
      fromColumns([
        [1, 0],
        [0, 0],
        [0, 1],
      ]),
    );
    expect(c).toEqual([1, 0, 1]);
    expect(
      capacity(
        fromColumns([
          [0, 0],
          [0, 0],
        ]),
      ),
    ).toEqual([0, 0]);
  });

  it('never exceeds m in total for random matrices', () => {
    const rng = createRng(4);
    for (let trial = 0; trial < 50; trial++) {
      const m = 1 + rng.int(5);
      const n = m + rng.int(10);
      const data = Array.from({ length: m * n }, () => rng.normal());
      const c = capacity({ rows: m, cols: n, data });
      for (const ci of c) expect(ci).toBeLessThanOrEqual(1 + 1e-12);
      expect(sum(c)).toBeLessThanOrEqual(m + 1e-9);
    }
  });
});

describe('regimes', () => {
  it('uses the thresholds C > 0.9 mono, 0.1 < C ≤ 0.9 poly, C ≤ 0.1 ignored', () => {
    expect([0.95, 0.9, 0.5, 0.1, 0.0, NaN].map(regimeOf)).toEqual(['mono', 'poly', 'poly', 'ignored', 'ignored', 'ignored']);
    expect(regimeCounts([1, 0.5, 0.2, 0.05])).toEqual({ mono: 1, poly: 2, ignored: 1 });
    expect(polysemanticFraction([1, 0.5, 0.2, 0.05])).toBe(0.5);
  });
});

describe('quadratic toy: loss per unit capacity', () => {
  it('L_i runs from α v² (C=0) to 0 (C=1), and −dL/dC matches a finite difference', () => {
    for (const k of [1.5, 3, 8]) {
      expect(quadraticFeatureLoss(0, 0.7, k)).toBeCloseTo((k - 1) * 0.49, 12);
      expect(quadraticFeatureLoss(1, 0.7, k)).toBe(0);
      for (const c of [0.2, 0.5, 0.8]) {
        const h = 1e-6;
        const fd = -(quadraticFeatureLoss(c + h, 0.7, k) - quadraticFeatureLoss(c - h, 0.7, k)) / (2 * h);
        expect(marginalGain(c, 0.7, k)).toBeCloseTo(fd, 5);
      }
    }
  });

  it('has diminishing returns above kurtosis 3 and increasing returns below', () => {
    expect(marginalGain(0.8, 1, 8)).toBeLessThan(marginalGain(0.2, 1, 8));
    expect(marginalGain(0.8, 1, 1.5)).toBeGreaterThan(marginalGain(0.2, 1, 1.5));
    expect(marginalGain(0.8, 1, 3)).toBeCloseTo(marginalGain(0.2, 1, 3), 12);
  });

  it('the closed-form expected loss matches a Monte-Carlo estimate', () => {
    const rng = createRng(9);
    const m = 2;
    const n = 4;
    const w = { rows: m, cols: n, data: Array.from({ length: m * n }, () => rng.normal() * 0.6) };
    const v = [1, 0.8, 0.6, 0.4];
    const setting = generatorForKurtosis('power', 5);
    const samples = 200_000;
    const x = fillSamples(new Float32Array(samples * n), setting, rng);
    // Residual without bias; the optimal bias removes its mean, so the loss is its variance.
    let mean = 0;
    let meanSq = 0;
    for (let s = 0; s < samples; s++) {
      let yHat = 0;
      for (let k = 0; k < m; k++) {
        let h = 0;
        for (let i = 0; i < n; i++) h += w.data[k * n + i]! * x[s * n + i]!;
        yHat += h * h;
      }
      let y = 0;
      for (let i = 0; i < n; i++) y += v[i]! * x[s * n + i]! ** 2;
      const e = yHat - y;
      mean += e;
      meanSq += e * e;
    }
    mean /= samples;
    const mc = meanSq / samples - mean * mean;
    const exact = quadraticExpectedLoss(w, v, setting.kurtosis);
    expect(Math.abs(mc - exact) / exact).toBeLessThan(0.05);
  });
});
