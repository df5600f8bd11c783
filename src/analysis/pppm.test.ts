import { describe, expect, it } from 'vitest';
import { createRng } from '../engine/rng';
import { planePairs } from './srm';
import { identityBasis, planeFrame, type RowMatrix } from './row-matrix';
import { kde, pppm, pppmEnsemble, pppmProject } from './pppm';

const m = (rows: number[][]): RowMatrix => ({ rows: rows.length, cols: rows[0]!.length, data: Float64Array.from(rows.flat()) });

function gaussian(n: number, k: number, seed: number, scale = 1): RowMatrix {
  const rng = createRng(seed);
  const data = new Float64Array(n * k);
  for (let i = 0; i < data.length; i++) data[i] = scale * rng.normal();
  return { rows: n, cols: k, data };
}

describe('PPPM projection', () => {
  // in-plane fraction of the norm: 1, 0.8, 0.6, 0.79999, 0 (and a zero row)
  const rows = [
    [2, 0, 0],
    [0.48, 0.64, 0.6],
    [0.6, 0, 0.8],
    [0.79999, 0, Math.sqrt(1 - 0.79999 ** 2)],
    [0, 0, 2],
    [0, 0, 0],
  ];
  const frame = planeFrame(identityBasis(3), 0, 1)!;

  it('keeps exactly the activations within ε of the plane, with their magnitudes (the author’s view)', () => {
    const p = pppmProject(m(rows), frame, 0.8);
    expect(p.rows).toEqual([0, 1]);
    expect(p.x).toEqual([2, 0.48]);
    expect(p.y[1]).toBeCloseTo(0.64, 12);
    expect(pppmProject(m(rows), frame, 0.5).rows).toEqual([0, 1, 2, 3]);
  });

  it('normalised: the same rows, divided by their norms', () => {
    const p = pppmProject(m(rows), frame, 0.8, true);
    expect(p.x[0]).toBeCloseTo(1, 12);
    expect(Math.hypot(p.x[1]!, p.y[1]!)).toBeCloseTo(0.8, 12);
  });

  it('stacks planes in the ensemble and counts N·planes', () => {
    const acts = m(rows);
    const one = pppm(acts, identityBasis(3), [0, 1], { epsilon: 0.8 });
    expect(one.kept).toBe(2);
    expect(one.total).toBe(6);
    expect(one.extent).toBeCloseTo(2, 12);
    // Unordered planes (0,1), (0,2), (1,2): (0,2) keeps rows 0, 2, 3, 4 (row 1: ‖(0.48, 0.6)‖ = 0.77);
    // (1,2) keeps rows 1 (0.88), 2 (exactly 0.8) and 4.
    const all = pppmEnsemble(acts, identityBasis(3), planePairs(3, { ordered: false }), { epsilon: 0.8 });
    expect(all.planes).toHaveLength(3);
    expect(all.total).toBe(18);
    expect(all.kept).toBe(2 + 4 + 3);
  });
});

describe('PPPM density against the isotropic reference', () => {
  it('the kernel density integrates to the points’ total weight', () => {
    const d = kde([0, 0.3, -0.5], [0, 0.2, 0.1], 0.25, 40, 2, 0.1);
    const cell = (2 * 2) / 40;
    expect(d.reduce((s, v) => s + v, 0) * cell * cell).toBeCloseTo(0.75, 6);
  });

  it('is about 1 where the reference has mass, for an isotropic sample, un-normalised or normalised', () => {
    for (const normalised of [false, true]) {
      const iso = pppm(gaussian(20000, 3, 4, 3), identityBasis(3), [0, 1], {
        epsilon: 0.5,
        grid: 16,
        bandwidth: 0.12,
        seed: 8,
        normalised,
      });
      const top = Math.max(...iso.nullDensity);
      const vals = Array.from(iso.ratio).filter((v, c) => Number.isFinite(v) && iso.nullDensity[c]! > 0.2 * top);
      const mean = vals.reduce((a, b) => a + b, 0) / vals.length;
      expect(Math.abs(mean - 1)).toBeLessThan(0.1);
    }
  });

  it('peaks at the axes for clustered data, and keeps their radii (two shells)', () => {
    const rng = createRng(2);
    const rows: number[][] = [];
    for (let t = 0; t < 400; t++) {
      const r = t % 2 === 0 ? 1 : 3;
      const axis = t % 3;
      const v = [0.05 * rng.normal(), 0.05 * rng.normal(), 0.05 * rng.normal()];
      v[axis]! += r * (t % 4 < 2 ? 1 : -1);
      rows.push(v);
    }
    const p = pppm(m(rows), identityBasis(3), [0, 1], { epsilon: 0.5, grid: 32, bandwidth: 0.03, seed: 8 });
    expect(Math.max(...Array.from(p.ratio).filter(Number.isFinite))).toBeGreaterThan(5);
    // Kept projections lie at radius ≈ 1 or ≈ 3 on the axes, never in between.
    const radii = Array.from(p.x, (x, i) => Math.hypot(x, p.y[i]!));
    expect(radii.every((r) => Math.abs(r - 1) < 0.2 || Math.abs(r - 3) < 0.3)).toBe(true);
    expect(radii.some((r) => r > 2.5)).toBe(true);
  });
});
