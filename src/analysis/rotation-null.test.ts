import { describe, expect, it } from 'vitest';
import { createRng } from '../engine/rng';
import { MAP_KINDS, mat, multiply, type Mat } from './alignment';
import { randomRotation } from './random-rotation';
import { pairGram } from './pair-gram';
import { rotationNull } from './rotation-null';

const D = 16;

function noise(rows: number, cols: number, seed: number, scale: number): Mat {
  const rng = createRng(seed);
  const m = mat(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = scale * rng.normal();
  return m;
}

function plus(a: Mat, b: Mat): Mat {
  return mat(
    a.rows,
    a.cols,
    a.data.map((v, i) => v + b.data[i]!),
  );
}

function split(a: Mat, b: Mat) {
  const half = a.rows / 2;
  const rows = (m: Mat, from: number) => mat(half, m.cols, m.data.subarray(from * m.cols, (from + half) * m.cols));
  return { probe: pairGram(rows(a, 0), rows(b, 0)), held: pairGram(rows(a, half), rows(b, half)) };
}

const at = (kind: (typeof MAP_KINDS)[number]) => MAP_KINDS.indexOf(kind);

describe('rotation null', () => {
  it('a ReLU layer and its permuted, scaled copy: the permutation-type maps beat the null by far', () => {
    const a = noise(1200, D, 1, 1).data.map((v) => Math.max(0, v + 0.3));
    const ha = mat(1200, D, a);
    const rng = createRng(2);
    const hb = mat(1200, D);
    const perm = Array.from({ length: D }, (_, i) => (i * 7) % D);
    const scale = perm.map(() => 0.5 + rng.next());
    for (let n = 0; n < 1200; n++) for (let i = 0; i < D; i++) hb.data[n * D + perm[i]!] = ha.data[n * D + i]! * scale[i]!;
    const { probe, held } = split(ha, plus(hb, noise(1200, D, 3, 0.05)));
    const r = rotationNull(probe, held, createRng(4), { rotations: 6, refitInvariant: true });
    expect(r.ratio[at('scaled-permutation')]).toBeGreaterThan(10);
    expect(r.ratio[at('permutation')]).toBeGreaterThan(2);
    // The rotation-invariant families fit A → B R exactly as well as A → B.
    expect(r.ratio[at('orthogonal')]).toBeCloseTo(1, 6);
    expect(r.ratio[at('linear')]).toBeCloseTo(1, 6);
    expect(r.nullLow[at('scaled-permutation')]).toBeLessThanOrEqual(r.nullMean[at('scaled-permutation')]!);
    expect(r.nullHigh[at('scaled-permutation')]).toBeGreaterThanOrEqual(r.nullMean[at('scaled-permutation')]!);
  });

  it('isotropic data (no privileged basis): every family’s ratio is ≈ 1', () => {
    const ha = noise(4000, D, 5, 1);
    const q = mat(D, D, randomRotation(D, createRng(6)));
    const { probe, held } = split(ha, plus(multiply(ha, q), noise(4000, D, 7, 0.3)));
    const r = rotationNull(probe, held, createRng(8), { rotations: 16 });
    for (const kind of ['permutation', 'scaled-permutation', 'signed-permutation', 'orthogonal', 'linear'] as const) {
      expect(r.ratio[at(kind)]).toBeGreaterThan(0.95);
      expect(r.ratio[at(kind)]).toBeLessThan(1.05);
    }
  });
});
