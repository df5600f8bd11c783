import { describe, expect, it } from 'vitest';
import { mat } from './alignment';
import { lowRankFactors } from './low-rank';

describe('best rank-r factors', () => {
  it('reproduce a rank-1 matrix exactly, and keep the largest singular direction of a diagonal one', () => {
    // [1 2; 2 4] = (1, 2)ᵀ (1, 2): rank 1.
    const f = lowRankFactors(mat(2, 2, [1, 2, 2, 4]), 1);
    const product = [0, 1].flatMap((i) => [0, 1].map((j) => f.u[i]! * f.v[j]!));
    product.forEach((v, k) => expect(v).toBeCloseTo([1, 2, 2, 4][k]!, 5));
    const g = lowRankFactors(mat(3, 3, [1, 0, 0, 0, 5, 0, 0, 0, 2]), 1);
    const m = [0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => g.u[i]! * g.v[j]!));
    m.forEach((v, k) => expect(v).toBeCloseTo(k === 4 ? 5 : 0, 5));
    expect(lowRankFactors(mat(2, 3), 9).rank).toBe(2);
  });
});
