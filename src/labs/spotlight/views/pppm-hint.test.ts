import { describe, expect, it } from 'vitest';
import type { PppmResult } from '../../../analysis/pppm';
import { emptyPppmHint } from './pppm-hint';

const pppm = (kept: number, total: number) => ({ kept, total }) as PppmResult;

describe('emptyPppmHint', () => {
  it('names the activations whose PPPM image is empty and says why, with ε and the probe size', () => {
    const hint = emptyPppmHint(
      [
        { name: 'tanh', pppm: pppm(0, 2000) },
        { name: 'iso-tanh', pppm: pppm(12, 2000) },
      ],
      0.9,
    );
    expect(hint).toBe(
      ' tanh: 0 of 2000 probe codes lie within ε = 0.9 of this plane yet — early in training codes are spread out, and saturated tanh codes sit between the axes; lower ε, pick another plane, or read the ensemble view.',
    );
  });

  it('says nothing when every image has points, or before any analysis', () => {
    expect(emptyPppmHint([{ name: 'tanh', pppm: pppm(3, 2000) }], 0.9)).toBe('');
    expect(emptyPppmHint([{ name: 'tanh', pppm: null }], 0.9)).toBe('');
    expect(emptyPppmHint([], 0.9)).toBe('');
  });
});
