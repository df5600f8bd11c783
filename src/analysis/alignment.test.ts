import { describe, expect, it } from 'vitest';
import { Matrix, solve } from 'ml-matrix';
import { createRng } from '../engine/rng';
import {
  alignAll,
  centred,
  correlationMatrix,
  fitMap,
  mat,
  matchNeurons,
  multiply,
  normalisedResidual,
  recoveredShare,
  applyMap,
  type Mat,
} from './alignment';
import { randomRotation } from './random-rotation';

function gaussian(rows: number, cols: number, seed: number, relu = false): Mat {
  const rng = createRng(seed);
  const m = mat(rows, cols);
  for (let i = 0; i < m.data.length; i++) {
    const v = rng.normal() + 0.3;
    m.data[i] = relu ? Math.max(0, v) : v;
  }
  return m;
}

/** H_B = H_A P D: column i of A becomes column perm[i] of B, scaled by scale[i]. */
function plantPermutation(a: Mat, perm: number[], scale: number[]): Mat {
  const b = mat(a.rows, a.cols);
  for (let n = 0; n < a.rows; n++) for (let i = 0; i < a.cols; i++) b.data[n * a.cols + perm[i]!] = a.data[n * a.cols + i]! * scale[i]!;
  return b;
}

function shuffled(d: number, seed: number): number[] {
  const rng = createRng(seed);
  const p = Array.from({ length: d }, (_, i) => i);
  for (let i = d - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  return p;
}

describe('alignment maps', () => {
  it('recovers a planted permutation × positive scaling exactly', () => {
    const d = 24;
    const a = gaussian(400, d, 1, true);
    const perm = shuffled(d, 2);
    const rng = createRng(3);
    const scale = Array.from({ length: d }, () => 0.2 + 3 * rng.next());
    const b = plantPermutation(a, perm, scale);
    const map = fitMap('scaled-permutation', a, b);
    expect(Array.from(map.matching!)).toEqual(perm);
    for (let i = 0; i < d; i++) expect(map.M.data[i * d + perm[i]!]).toBeCloseTo(scale[i]!, 10);
    const heldA = gaussian(200, d, 9, true);
    const heldB = plantPermutation(heldA, perm, scale);
    expect(normalisedResidual(applyMap(map, heldA), heldB)).toBeLessThan(1e-20);
    // The pure permutation finds the same matching but cannot undo the scales.
    const pure = fitMap('permutation', a, b);
    expect(Array.from(pure.matching!)).toEqual(perm);
    expect(normalisedResidual(applyMap(pure, heldA), heldB)).toBeGreaterThan(0.1);
  });

  it('recovers a planted signed permutation, and the unsigned matching cannot', () => {
    const d = 16;
    const a = gaussian(300, d, 4);
    const perm = shuffled(d, 5);
    const sign = Array.from({ length: d }, (_, i) => (i % 3 === 0 ? -1 : 1));
    const b = plantPermutation(a, perm, sign);
    const signed = fitMap('signed-permutation', a, b);
    expect(Array.from(signed.matching!)).toEqual(perm);
    expect(normalisedResidual(applyMap(signed, a), b)).toBeLessThan(1e-20);
    expect(normalisedResidual(applyMap(fitMap('permutation', a, b), a), b)).toBeGreaterThan(0.5);
    const match = matchNeurons(correlationMatrix(a, b), true);
    expect(Array.from(match)).toEqual(perm);
  });

  it('Procrustes recovers a planted rotation', () => {
    const d = 12;
    const a = gaussian(300, d, 6);
    const q = randomRotation(d, createRng(7));
    const b = multiply(a, mat(d, d, q));
    const map = fitMap('orthogonal', a, b);
    for (let i = 0; i < d * d; i++) expect(map.M.data[i]).toBeCloseTo(q[i]!, 9);
    const held = gaussian(100, d, 8);
    expect(normalisedResidual(applyMap(map, held), multiply(held, mat(d, d, q)))).toBeLessThan(1e-18);
    // A permutation cannot undo a generic rotation.
    expect(normalisedResidual(applyMap(fitMap('scaled-permutation', a, b), held), multiply(held, mat(d, d, q)))).toBeGreaterThan(0.3);
  });

  it('least squares matches ml-matrix’s solution of the centred problem', () => {
    const a = gaussian(80, 6, 10);
    const b = gaussian(80, 4, 11);
    const ours = fitMap('linear', a, b).M;
    const ac = centred(a);
    const bc = centred(b);
    // ml-matrix's own least-squares solve (QR of the 80×6 centred probe).
    const ref = solve(
      new Matrix(Array.from({ length: 80 }, (_, i) => Array.from(ac.data.subarray(i * 6, i * 6 + 6)))),
      new Matrix(Array.from({ length: 80 }, (_, i) => Array.from(bc.data.subarray(i * 4, i * 4 + 4)))),
    );
    for (let i = 0; i < 6; i++) for (let j = 0; j < 4; j++) expect(ours.data[i * 4 + j]).toBeCloseTo(ref.get(i, j), 10);
    // The normal equations hold: Aᵀ(A M − B) = 0.
    const r = multiply(ac, ours);
    for (let i = 0; i < r.data.length; i++) r.data[i]! -= bc.data[i]!;
    let worst = 0;
    for (let i = 0; i < 6; i++)
      for (let j = 0; j < 4; j++) {
        let s = 0;
        for (let n = 0; n < 80; n++) s += ac.data[n * 6 + i]! * r.data[n * 4 + j]!;
        worst = Math.max(worst, Math.abs(s));
      }
    expect(worst).toBeLessThan(1e-9);
  });

  it('least squares survives a rank-deficient probe (a dead ReLU unit)', () => {
    const a = gaussian(50, 5, 12);
    for (let n = 0; n < 50; n++) a.data[n * 5 + 2] = 0;
    const b = gaussian(50, 5, 13);
    const m = fitMap('linear', a, b);
    expect(Array.from(m.M.data).every(Number.isFinite)).toBe(true);
  });

  it('orders the maps by how much they may do, on held-out data', () => {
    const d = 10;
    const a = gaussian(500, d, 14, true);
    const rot = multiply(a, mat(d, d, randomRotation(d, createRng(15))));
    const heldA = gaussian(300, d, 16, true);
    const heldB = multiply(heldA, mat(d, d, randomRotation(d, createRng(15))));
    const res = Object.fromEntries(alignAll(a, rot, heldA, heldB).map((r) => [r.kind, r.residual]));
    expect(res.orthogonal).toBeLessThan(1e-18);
    expect(res.linear).toBeLessThan(1e-18);
    expect(res.identity).toBeGreaterThan(res['scaled-permutation']! - 1e-12);
    expect(recoveredShare(res.identity!, res['scaled-permutation']!, res.orthogonal!)).toBeLessThan(0.6);
    expect(recoveredShare(2, 1, 0)).toBe(0.5);
  });
});
