import { describe, expect, it } from 'vitest';
import { dimensionalityState } from './dimensionality-caption';

describe('dimensionalityState', () => {
  it('counts features at each sticky fraction and names the geometry', () => {
    expect(dimensionalityState([0.4, 0.41, 0.39, 0.4, 0.402])).toBe('Now: 5 features at D = 2/5 (a pentagon).');
    expect(dimensionalityState([1, 0.5, 0.49, 0.001, 0.25, NaN])).toBe(
      'Now: 1 feature at D = 1 (a dimension of its own); 2 features at D = 1/2 (an antipodal pair, a digon); 1 between the sticky fractions (still moving); 1 not represented (D ≈ 0).',
    );
  });

  it('says nothing without data', () => {
    expect(dimensionalityState([])).toBe('');
    expect(dimensionalityState([NaN])).toBe('');
  });
});
