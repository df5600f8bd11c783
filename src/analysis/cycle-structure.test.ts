import { describe, expect, it } from 'vitest';
import { createRng } from '../engine/rng';
import { sampleSynthetic } from '../data/bows-synthetic';
import {
  cosineByCyclicDistance,
  countsOfDense,
  cyclePlaneOfRows,
  cyclicDistance,
  dataCycle,
  meanByCyclicDistance,
  normalizeRows,
  pmiOf,
} from './cycle-structure';

describe('cycle structure', () => {
  it('scores points on a circle 1 whatever their scale, and a shuffled circle low', () => {
    const n = 12;
    const rows = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      const a = (2 * Math.PI * i) / n;
      const r = 1 + i; // very different norms: normalisation removes them
      rows.set([r * Math.cos(a), r * Math.sin(a), 0.01 * r], 3 * i);
    }
    expect(cyclePlaneOfRows(rows, n, 3).score).toBe(1);
    const perm = [0, 5, 10, 3, 8, 1, 6, 11, 4, 9, 2, 7];
    const shuffled = new Float64Array(n * 3);
    perm.forEach((p, i) => shuffled.set(rows.subarray(3 * p, 3 * p + 3), 3 * i));
    expect(cyclePlaneOfRows(shuffled, n, 3).score).toBeLessThan(0.3);
    expect(cyclePlaneOfRows(rows, 2, 3).score).toBeNaN();
  });

  it('averages similarities by cyclic distance', () => {
    expect(cyclicDistance(0, 11, 12)).toBe(1);
    expect(cyclicDistance(2, 8, 12)).toBe(6);
    const curve = meanByCyclicDistance(12, (i, j) => cyclicDistance(i, j, 12));
    expect(curve).toEqual([1, 2, 3, 4, 5, 6]);
    // Items 0, 1, 3 of a 6-cycle (2, 4, 5 missing): distances by cycle position, not list position.
    const at = { positions: [0, 1, 3], period: 6 };
    expect(meanByCyclicDistance(3, (i, j) => 10 * i + j, at)).toEqual([1, 12, 2]);
    const n = 8;
    const rows = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) rows.set([Math.cos((2 * Math.PI * i) / n), Math.sin((2 * Math.PI * i) / n)], 2 * i);
    const cos = cosineByCyclicDistance(rows, n, 2);
    cos.forEach((c, k) => expect(c).toBeCloseTo(Math.cos((2 * Math.PI * (k + 1)) / n), 10));
    const unit = normalizeRows([3, 4, 0, 0], 2, 2);
    expect(Array.from(unit)).toEqual([0.6, 0.8, 0, 0]);
  });

  it('reads the ring out of synthetic ring data, and none out of iid data', () => {
    const ids = Array.from({ length: 12 }, (_, i) => i);
    const ring = sampleSynthetic({ shape: 'ring', features: 12, sharpness: 10 }, 4000, createRng(1));
    const c = countsOfDense(ring.x, ring.samples, 12);
    const d = dataCycle(c, ids);
    expect(d.plane.score).toBe(1);
    // PMI falls with distance around the ring.
    for (let k = 1; k < d.pmiByDistance.length - 1; k++) expect(d.pmiByDistance[k]!).toBeLessThan(d.pmiByDistance[k - 1]!);
    expect(pmiOf(c, 0, 1)).toBeGreaterThan(0.3);
    const iid = sampleSynthetic({ shape: 'iid', features: 12, sharpness: 10 }, 4000, createRng(1));
    const di = dataCycle(countsOfDense(iid.x, iid.samples, 12), ids);
    expect(Math.max(...di.pmiByDistance.map(Math.abs))).toBeLessThan(0.05);
    expect(di.plane.score).toBeLessThan(0.9);
  });
});

describe('principal plane through the Gram matrix', () => {
  it('matches the covariance PCA up to sign', async () => {
    const { pca } = await import('./pca');
    const { principalPlane } = await import('./cycle-structure');
    const rng = createRng(3);
    const n = 7;
    const d = 5;
    const rows = Float64Array.from({ length: n * d }, () => rng.normal());
    const a = pca(rows, n, d, 2);
    const b = principalPlane(rows, n, d);
    for (let c = 0; c < 2; c++) {
      const sign = Math.sign(a.projected[c]!) * Math.sign(b.xy[c]!);
      for (let i = 0; i < n; i++) expect(b.xy[2 * i + c]!).toBeCloseTo(sign * a.projected[i * 2 + c]!, 8);
      expect(b.explained[c]!).toBeCloseTo(a.explained[c]!, 8);
    }
  });
});
