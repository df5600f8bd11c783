import { describe, expect, it } from 'vitest';
import { createRng } from '../engine/rng';
import { mat, multiply, type Mat } from './alignment';
import { randomRotation } from './random-rotation';
import { pairGram } from './pair-gram';
import { gReluProcrustesSimilarity, nuclearNorm, orthogonalProcrustesSimilarity } from './procrustes-similarity';

function reluGaussian(rows: number, cols: number, seed: number): Mat {
  const rng = createRng(seed);
  const m = mat(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = Math.max(0, rng.normal() + 0.2);
  return m;
}

/** Column i of A becomes column perm[i] of B, times scale[i]. */
function permuteScale(a: Mat, perm: number[], scale: number[]): Mat {
  const b = mat(a.rows, a.cols);
  for (let n = 0; n < a.rows; n++) for (let i = 0; i < a.cols; i++) b.data[n * a.cols + perm[i]!] = a.data[n * a.cols + i]! * scale[i]!;
  return b;
}

describe('Procrustes similarities (Godfrey et al.)', () => {
  it('match the hand-computed values on a 2×2 example', () => {
    // A = I, B = [[1, 0], [1, 1]] (rows are samples). Unit neurons: cos(a1,b1) = 1/√2, cos(a2,b2) = 1,
    // cos(a1,b2) = 0, cos(a2,b1) = 1/√2; best matching 1/√2 + 1, d² = (4 − 2(1 + 1/√2)) / 8.
    const g = pairGram(mat(2, 2, [1, 0, 0, 1]), mat(2, 2, [1, 0, 1, 1]));
    expect(gReluProcrustesSimilarity(g)).toBeCloseTo(1 - Math.sqrt((4 - 2 * (1 + Math.SQRT1_2)) / 8), 10);
    // ‖A‖² = 2, ‖B‖² = 3, ‖AᵀB‖_* = ‖B‖_* = √5 (singular values (√5 ± 1)/2).
    expect(nuclearNorm(mat(2, 2, [1, 0, 1, 1]))).toBeCloseTo(Math.sqrt(5), 10);
    expect(orthogonalProcrustesSimilarity(g)).toBeCloseTo(1 - Math.sqrt(2 - 2 * Math.sqrt(5 / 6)) / 2, 10);
  });

  it('a network and its permuted, positively scaled copy: G_ReLU-Procrustes similarity 1', () => {
    const a = reluGaussian(400, 12, 1);
    const rng = createRng(2);
    const perm = Array.from({ length: 12 }, (_, i) => (i * 5) % 12);
    const scale = perm.map(() => 0.1 + 4 * rng.next());
    const g = pairGram(a, permuteScale(a, perm, scale));
    expect(gReluProcrustesSimilarity(g)).toBeCloseTo(1, 6);
    // Unequal scales are not an orthogonal map: the orthogonal similarity stays below 1.
    expect(orthogonalProcrustesSimilarity(g)).toBeLessThan(0.99);
  });

  it('a rotated, uniformly scaled copy: orthogonal similarity 1, G_ReLU-Procrustes below it', () => {
    const a = reluGaussian(400, 12, 3);
    const b = multiply(a, mat(12, 12, randomRotation(12, createRng(4))));
    for (let i = 0; i < b.data.length; i++) b.data[i]! *= 3;
    const g = pairGram(a, b);
    expect(orthogonalProcrustesSimilarity(g)).toBeCloseTo(1, 6);
    expect(gReluProcrustesSimilarity(g)).toBeLessThan(0.9);
  });

  it('pads the narrower layer with zero neurons, and ignores dead ones', () => {
    const a = reluGaussian(200, 6, 5);
    const b = mat(200, 8);
    for (let n = 0; n < 200; n++) for (let i = 0; i < 6; i++) b.data[n * 8 + i] = 2 * a.data[n * 6 + i]!;
    // 6 matched neurons of 8: d² = (6 + 6 − 2·6) / 32 = 0.
    expect(gReluProcrustesSimilarity(pairGram(a, b))).toBeCloseTo(1, 6);
  });
});
