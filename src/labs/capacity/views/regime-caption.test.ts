import { describe, expect, it } from 'vitest';
import { regimeState } from './regime-caption';

describe('regimeState', () => {
  it('counts the three regimes, sums the capacity and checks the importance order', () => {
    expect(regimeState([1, 0.95, 0.5, 0.3, 0.02], [1, 0.9, 0.8, 0.7, 0.6], 3)).toBe(
      'Now: 2 monosemantic (C > 0.9), 2 polysemantic, 1 ignored (C ≤ 0.1); Σ C = 2.77 of m = 3. The monosemantic ones are the most important.',
    );
    expect(regimeState([0.5, 1, 0.02], [1, 0.5, 0.25], 2)).toBe(
      'Now: 1 monosemantic (C > 0.9), 1 polysemantic, 1 ignored (C ≤ 0.1); Σ C = 1.52 of m = 2. Some monosemantic features are not among the most important.',
    );
  });

  it('says nothing without capacities', () => {
    expect(regimeState([], [], 2)).toBe('');
    expect(regimeState([NaN], [1], 2)).toBe('');
  });
});
