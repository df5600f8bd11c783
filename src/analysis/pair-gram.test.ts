import { describe, expect, it } from 'vitest';
import { createRng } from '../engine/rng';
import { applyMap, fitMap, MAP_KINDS, mat, multiply, normalisedResidual, type Mat } from './alignment';
import { randomRotation } from './random-rotation';
import { pairGram, probeStatsOf, residualFromGram, residualStatsOf, rotateB, rotatedProbeStats, rotatedResidualStats } from './pair-gram';

function gaussian(rows: number, cols: number, seed: number, shift = 0): Mat {
  const rng = createRng(seed);
  const m = mat(rows, cols);
  for (let i = 0; i < m.data.length; i++) m.data[i] = rng.normal() + shift;
  return m;
}

function rowsOf(a: Mat, from: number, count: number): Mat {
  return mat(count, a.cols, a.data.subarray(from * a.cols, (from + count) * a.cols));
}

describe('pair statistics', () => {
  const a = gaussian(300, 6, 1, 0.4);
  const noise = gaussian(300, 6, 2);
  const mix = mat(6, 6, randomRotation(6, createRng(3)));
  const b = multiply(a, mix);
  for (let i = 0; i < b.data.length; i++) b.data[i]! += 0.5 * noise.data[i]! + 0.2;

  it('gives every map’s held-out residual exactly as the direct computation does', () => {
    const [pa, pb, ha, hb] = [rowsOf(a, 0, 150), rowsOf(b, 0, 150), rowsOf(a, 150, 150), rowsOf(b, 150, 150)];
    const held = pairGram(ha, hb);
    for (const kind of MAP_KINDS) {
      const map = fitMap(kind, pa, pb);
      expect(residualFromGram(map, residualStatsOf(held))).toBeCloseTo(normalisedResidual(applyMap(map, ha), hb), 10);
    }
  });

  it('rotating B’s hidden space in the statistics equals recomputing them from B R', () => {
    const r = mat(6, 6, randomRotation(6, createRng(4)));
    const direct = pairGram(a, multiply(b, r));
    const rotated = rotateB(pairGram(a, b), r);
    for (const key of ['ab', 'bb'] as const) {
      direct[key].data.forEach((v, i) => expect(rotated[key].data[i]).toBeCloseTo(v, 9));
    }
    direct.meanB.forEach((v, i) => expect(rotated.meanB[i]).toBeCloseTo(v, 12));
  });

  it('the rotated fit and residual statistics equal those read off the fully rotated statistics', () => {
    const r = mat(6, 6, randomRotation(6, createRng(5)));
    const [probe, held] = [pairGram(rowsOf(a, 0, 150), rowsOf(b, 0, 150)), pairGram(rowsOf(a, 150, 150), rowsOf(b, 150, 150))];
    const full = probeStatsOf(rotateB(probe, r));
    const fast = rotatedProbeStats(probe, r);
    full.bb.forEach((v, j) => expect(fast.bb[j]).toBeCloseTo(v, 10));
    full.ab.data.forEach((v, i) => expect(fast.ab.data[i]).toBe(v));
    full.meanB.forEach((v, j) => expect(fast.meanB[j]).toBe(v));
    const heldFull = residualStatsOf(rotateB(held, r));
    const heldFast = rotatedResidualStats(residualStatsOf(held), r);
    expect(heldFast.bbTrace).toBeCloseTo(heldFull.bbTrace, 9);
    for (const kind of MAP_KINDS) {
      const map = fitMap(kind, rowsOf(a, 0, 150), multiply(rowsOf(b, 0, 150), r));
      expect(residualFromGram(map, heldFast)).toBeCloseTo(residualFromGram(map, heldFull), 10);
    }
  });
});
