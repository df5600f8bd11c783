import { describe, expect, it } from 'vitest';
import { anisotropyState } from './anisotropy-caption';

const a = (value: number, nullMean: number, nullLow: number, nullHigh: number, z: number) => ({ value, nullMean, nullLow, nullHigh, z });

describe('anisotropyState', () => {
  it('says for each activation which side of its rotation null it sits, as ratios to the null mean', () => {
    const text = anisotropyState([
      { name: 'tanh', anisotropy: a(0.68, 0.8, 0.76, 0.84, -3.2) },
      { name: 'iso-tanh', anisotropy: a(0.8, 0.8, 0.776, 0.824, 0.1) },
      { name: 'relu', anisotropy: a(0.9, 0.8, 0.76, 0.84, 4) },
    ]);
    expect(text).toBe(
      'Now: tanh 0.85, left of its band [0.95, 1.05] (z −3.2): anti-aligned with the privileged directions; ' +
        'iso-tanh 1.00, inside its band [0.97, 1.03] (z +0.1): no preferred orientation yet; ' +
        'relu 1.13, right of its band [0.95, 1.05] (z +4.0): aligned with the privileged directions.',
    );
  });

  it('says nothing before an analysis, or for a degenerate one', () => {
    expect(anisotropyState([])).toBe('');
    expect(anisotropyState([{ name: 'tanh', anisotropy: a(NaN, 0.8, 0.7, 0.9, 0) }])).toBe('');
    expect(anisotropyState([{ name: 'tanh', anisotropy: a(0.5, 0, 0, 0, 0) }])).toBe('');
  });
});
