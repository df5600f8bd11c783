import { describe, expect, it } from 'vitest';
import { createRng } from '../engine/rng';
import { anisotropy, nearestCosine, outsideNull, quantileSorted, summariseNull } from './anisotropy';
import { identityBasis, type RowMatrix } from './row-matrix';

const m = (rows: number[][]): RowMatrix => ({ rows: rows.length, cols: rows[0]!.length, data: Float64Array.from(rows.flat()) });

/** Corners (±1, …, ±1) of the k-cube, `reps` times each sign pattern drawn at random. */
function corners(n: number, k: number, seed: number): RowMatrix {
  const rng = createRng(seed);
  const data = new Float64Array(n * k);
  for (let i = 0; i < data.length; i++) data[i] = rng.next() < 0.5 ? -0.97 : 0.97;
  return { rows: n, cols: k, data };
}

function gaussian(n: number, k: number, seed: number): RowMatrix {
  const rng = createRng(seed);
  const data = new Float64Array(n * k);
  for (let i = 0; i < data.length; i++) data[i] = rng.normal();
  return { rows: n, cols: k, data };
}

describe('nearestCosine (max_i |b_i·â|, averaged over rows)', () => {
  it('matches hand-computed values', () => {
    const I2 = identityBasis(2).data;
    // (1,0): 1. (1,1)/√2: 1/√2. Mean (1 + 1/√2)/2.
    expect(nearestCosine(Float64Array.of(1, 0, Math.SQRT1_2, Math.SQRT1_2), 2, I2, 2)).toBeCloseTo((1 + Math.SQRT1_2) / 2, 12);
    // A corner of the 4-cube, normalised (½,½,½,½): ½ = 1/√k. Signs do not matter.
    expect(nearestCosine(Float64Array.of(0.5, -0.5, 0.5, -0.5), 4, identityBasis(4).data, 4)).toBeCloseTo(0.5, 12);
    // (0.6, −0.8): 0.8.
    expect(nearestCosine(Float64Array.of(0.6, -0.8), 2, I2, 2)).toBeCloseTo(0.8, 12);
    // Zero rows are skipped, not counted as 0.
    expect(nearestCosine(Float64Array.of(0, 0, 1, 0), 2, I2, 2)).toBeCloseTo(1, 12);
    expect(nearestCosine(Float64Array.of(0, 0), 2, I2, 2)).toBeNaN();
  });

  it('uses the given directions: (1,1)/√2 alone sees (1,0) at 1/√2; three directions 60° apart see (0,1) at cos 30°', () => {
    expect(nearestCosine(Float64Array.of(1, 0), 2, Float64Array.of(Math.SQRT1_2, Math.SQRT1_2), 1)).toBeCloseTo(Math.SQRT1_2, 12);
    const tri = Float64Array.of(1, 0, 0.5, Math.sqrt(3) / 2, -0.5, Math.sqrt(3) / 2);
    expect(nearestCosine(Float64Array.of(0, 1), 2, tri, 3)).toBeCloseTo(Math.sqrt(3) / 2, 12);
  });
});

describe('summariseNull', () => {
  it('mean, 95% band by linear interpolation, and z with the sample s.d.', () => {
    // Null 1..5: mean 3, s.d. √2.5; 2.5% quantile at position 0.1 → 1.1; 97.5% at 3.9 → 4.9.
    const s = summariseNull(6, [5, 1, 4, 2, 3]);
    expect(s.nullMean).toBeCloseTo(3, 12);
    expect(s.nullLow).toBeCloseTo(1.1, 12);
    expect(s.nullHigh).toBeCloseTo(4.9, 12);
    expect(s.z).toBeCloseTo(3 / Math.sqrt(2.5), 12);
    expect(outsideNull(s)).toBe(true);
    expect(outsideNull(summariseNull(3, [5, 1, 4, 2, 3]))).toBe(false);
    // Below the band counts too (two-sided).
    expect(outsideNull(summariseNull(0.5, [5, 1, 4, 2, 3]))).toBe(true);
    expect(quantileSorted([1, 2], 0.5)).toBeCloseTo(1.5, 12);
  });
});

describe('anisotropy against the rotation null', () => {
  it('a code on ±e1, ±e2 rotates as one: S = 1 observed, at the top of its null', () => {
    // Every rotation of a 2-D code {e1, e2, −e1, −e2} moves all four by the same angle α: S = max(|cos α|, |sin α|).
    const r = anisotropy(
      m([
        [1, 0],
        [0, 1],
        [-1, 0],
        [0, -1],
      ]),
      identityBasis(2),
      { rotations: 32 },
    );
    expect(r.value).toBeCloseTo(1, 12);
    for (const v of r.nullValues) expect(v).toBeLessThanOrEqual(1 + 1e-12);
    expect(r.value).toBeGreaterThanOrEqual(r.nullHigh);
  });

  it('a null with no spread gives z = 0 on it: in k = 1 every rotation is ±1', () => {
    const r = anisotropy(m([[2], [-3]]), identityBasis(1), { rotations: 32 });
    expect(r.value).toBe(1);
    expect(r.z).toBe(0);
    expect(outsideNull(r)).toBe(false);
  });

  it('one direction in the plane: value 1; the null mean is E max(|cos φ|, |sin φ|) = 2√2/π', () => {
    const r = anisotropy(m([[0, 3]]), identityBasis(2), { rotations: 4000, seed: 3 });
    expect(r.value).toBeCloseTo(1, 12);
    expect(r.nullMean).toBeCloseTo((2 * Math.SQRT2) / Math.PI, 2);
  });

  it('axis-aligned codes lie above the band, corner codes (saturated tanh) below it, Gaussian codes inside', () => {
    const k = 4;
    const axes = anisotropy(
      m([
        [1, 0, 0, 0],
        [0, -2, 0, 0],
        [0, 0, 1, 0],
        [0, 0, 0, 1],
        [-1, 0, 0, 0],
      ]),
      identityBasis(k),
    );
    expect(axes.value).toBeCloseTo(1, 12);
    expect(axes.value).toBeGreaterThan(axes.nullHigh);
    const corner = anisotropy(corners(400, k, 1), identityBasis(k));
    expect(corner.value).toBeCloseTo(1 / Math.sqrt(k), 12);
    expect(corner.value).toBeLessThan(corner.nullLow);
    expect(corner.z).toBeLessThan(-5);
    const iso = anisotropy(gaussian(4000, k, 2), identityBasis(k));
    expect(iso.value).toBeGreaterThan(iso.nullLow);
    expect(iso.value).toBeLessThan(iso.nullHigh);
  });

  it('is seeded: the same inputs give the same null; another seed another draw', () => {
    const acts = gaussian(200, 3, 9);
    const a = anisotropy(acts, identityBasis(3), { rotations: 32, seed: 1 });
    const b = anisotropy(acts, identityBasis(3), { rotations: 32, seed: 1 });
    const c = anisotropy(acts, identityBasis(3), { rotations: 32, seed: 2 });
    expect(Array.from(b.nullValues)).toEqual(Array.from(a.nullValues));
    expect(Array.from(c.nullValues)).not.toEqual(Array.from(a.nullValues));
    expect(a.nullValues).toHaveLength(32);
  });

  it('is invariant to the scale of each activation and of each basis row', () => {
    const acts = gaussian(100, 3, 4);
    const scaled = { ...acts, data: Float64Array.from(acts.data, (v, i) => v * (1 + (Math.floor(i / 3) % 5))) };
    const basis = { rows: 3, cols: 3, data: Float64Array.of(2, 0, 0, 0, 0.5, 0, 0, 0, 7) };
    const a = anisotropy(acts, identityBasis(3));
    const b = anisotropy(scaled, basis);
    expect(b.value).toBeCloseTo(a.value, 12);
    expect(b.nullMean).toBeCloseTo(a.nullMean, 12);
  });

  it('refuses a basis of the wrong width', () => {
    expect(() => anisotropy(m([[1, 0, 0]]), identityBasis(2))).toThrow(/3/);
  });
});
