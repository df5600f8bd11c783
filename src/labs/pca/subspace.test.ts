import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/rng';
import { randomRotation } from '../../analysis/random-rotation';
import { capturedShares, columnSpaceBasis, expectedLoss, optimumLoss, spectrum, subspaceAlignment } from './subspace';

const I3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];

describe('PCA subspace maths', () => {
  it('spectrum and optimum loss: λ = rⁱ, Σ_{i≥k} λ_i', () => {
    expect(spectrum(4, 0.5)).toEqual([1, 0.5, 0.25, 0.125]);
    expect(optimumLoss([1, 0.5, 0.25, 0.125], 2)).toBeCloseTo(0.375, 12);
    expect(optimumLoss([1, 0.5], 2)).toBe(0);
  });

  it('column space: orthonormal, of the right rank', () => {
    // [[1, 2], [2, 4], [0, 0]]: rank 1, spanned by (1, 2, 0)/√5.
    const q = columnSpaceBasis([1, 2, 2, 4, 0, 0], 3, 2);
    expect(q).toHaveLength(1);
    expect(Math.abs(q[0]![0]!)).toBeCloseTo(1 / Math.sqrt(5), 12);
    expect(Math.abs(q[0]![1]!)).toBeCloseTo(2 / Math.sqrt(5), 12);
    expect(columnSpaceBasis([0, 0, 0, 0], 2, 2)).toEqual([]);
  });

  it('alignment by hand: the top plane scores 1, an orthogonal line 0, a 45° line ½', () => {
    // d = 3, standard basis; W₂ (3×2) spans e₀, e₁ (scaled and mixed: only the span counts).
    expect(subspaceAlignment([2, 1, 0, 3, 0, 0], 3, 2, I3)).toBeCloseTo(1, 12);
    // k = 1: W₂ = e₂, orthogonal to u₀ = e₀.
    expect(subspaceAlignment([0, 0, 5], 3, 1, I3)).toBeCloseTo(0, 12);
    // k = 1: W₂ = (1, 0, 1): cos² 45° = ½.
    expect(subspaceAlignment([1, 0, 1], 3, 1, I3)).toBeCloseTo(0.5, 12);
    // k = 2: span(e₀, (e₁ + e₂)/√2): (1 + ½)/2.
    expect(subspaceAlignment([1, 0, 0, 1, 0, 1], 3, 2, I3)).toBeCloseTo(0.75, 12);
    expect(capturedShares([1, 0, 0, 1, 0, 1], 3, 2, I3).map((v) => +v.toFixed(12))).toEqual([1, 0.5, 0.5]);
  });

  it('expected loss by hand, and the optimum reached by the PCA projection', () => {
    const lambda = [1, 0.5, 0.25];
    // W = 0: the whole variance, 1.75.
    expect(expectedLoss([0, 0, 0], [0, 0, 0], 3, 1, I3, lambda)).toBeCloseTo(1.75, 12);
    // Projection on e₀ (W₁ = e₀ᵀ, W₂ = e₀): 0.75 = Σ_{i≥1} λ_i.
    expect(expectedLoss([1, 0, 0], [1, 0, 0], 3, 1, I3, lambda)).toBeCloseTo(optimumLoss(lambda, 1), 12);
    // Half the projection: λ₀ (½)² + 0.75.
    expect(expectedLoss([0.5, 0, 0], [1, 0, 0], 3, 1, I3, lambda)).toBeCloseTo(1.0, 12);
  });

  it('in a rotated basis: the top-k eigenvectors as W₂ = W₁ᵀ reach the optimum with alignment 1', () => {
    const d = 6;
    const k = 2;
    const basis = randomRotation(d, createRng(4));
    const lambda = spectrum(d, 0.6);
    const w1 = Array.from(basis.subarray(0, k * d)); // k×d: rows u₀, u₁
    const w2 = Array.from({ length: d * k }, (_, p) => w1[(p % k) * d + Math.floor(p / k)]!); // W₁ᵀ
    expect(subspaceAlignment(w2, d, k, basis)).toBeCloseTo(1, 10);
    expect(expectedLoss(w1, w2, d, k, basis, lambda)).toBeCloseTo(optimumLoss(lambda, k), 10);
  });

  it('a random subspace scores k/d on average (the null)', () => {
    const d = 8;
    const k = 3;
    const basis = randomRotation(d, createRng(1));
    const rng = createRng(2);
    let sum = 0;
    const draws = 400;
    for (let t = 0; t < draws; t++) {
      const w2 = Array.from({ length: d * k }, () => rng.normal());
      sum += subspaceAlignment(w2, d, k, basis);
    }
    expect(sum / draws).toBeCloseTo(k / d, 1);
  });
});
