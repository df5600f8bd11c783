import { describe, expect, it } from 'vitest';
import { nullRatioState } from './null-ratio-caption';

describe('nullRatioState', () => {
  it('reads each activation against the rotation null with the README thresholds', () => {
    expect(
      nullRatioState(1, [
        { label: 'ReLU', ratio: 1.234 },
        { label: 'isotropic tanh', ratio: 0.965 },
        { label: 'tanh', ratio: 1.1 },
        { label: 'GELU', ratio: 0.9 },
      ]),
    ).toBe(
      'Now, layer 1: ReLU 1.23, clearly above the null: a privileged basis; isotropic tanh 0.96, on the null: any rotation aligns as well; ' +
        'tanh 1.10, a little above the null; GELU 0.90, below the null.',
    );
  });

  it('says nothing before the null has run', () => {
    expect(nullRatioState(2, [])).toBe('');
    expect(nullRatioState(2, [{ label: 'ReLU', ratio: NaN }])).toBe('');
  });
});
