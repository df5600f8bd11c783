import { describe, expect, it } from 'vitest';
import { createRng } from '../engine/rng';
import { pca } from './pca';
import { subspacePcaProjection } from './subspace-pca';

describe('subspacePcaProjection', () => {
  it('matches the exact PCA projection on data with two dominant directions', () => {
    const rng = createRng(3);
    const n = 300;
    const dim = 20;
    const rows = new Float64Array(n * dim);
    for (let i = 0; i < n; i++) {
      const a = rng.normal() * 5;
      const b = rng.normal() * 2;
      for (let c = 0; c < dim; c++) rows[i * dim + c] = (c === 3 ? a : 0) + (c === 7 ? b : 0) + (c < 2 ? a * 0.5 : 0) + rng.normal() * 0.1;
    }
    const exact = pca(rows, n, dim, 2).projected;
    const fast = subspacePcaProjection(rows, n, dim, 2);
    for (let p = 0; p < exact.length; p++) expect(fast[p]).toBeCloseTo(exact[p]!, 4);
  });
});
