import { describe, expect, it } from 'vitest';
import { LOSS_BLOW_UP, lossDiverged } from './loss-check';

describe('lossDiverged', () => {
  it('a non-finite loss always diverged, with or without a reference', () => {
    expect(lossDiverged(NaN, null)).toBe('loss NaN');
    expect(lossDiverged(Infinity, 0.5)).toBe('loss Infinity');
    expect(lossDiverged(-Infinity, 0.5)).toBe('loss -Infinity');
  });

  it('a finite loss over 10,000× the starting loss diverged (the spotlight lr-10 jump: 0.129 → 302,626)', () => {
    expect(lossDiverged(302626, 0.129)).toBe('loss 3.03e+5 is over 10,000× the starting 0.129');
    expect(lossDiverged(1291, 0.129)).not.toBeNull();
    expect(lossDiverged(1289, 0.129)).toBeNull();
  });

  it('no reference yet, or a loss that falls, is never divergence', () => {
    expect(lossDiverged(1e9, null)).toBeNull();
    expect(lossDiverged(0.01, 0.7)).toBeNull();
    expect(lossDiverged(0.7 * LOSS_BLOW_UP, 0.7)).toBeNull();
  });

  it('a tiny starting loss (a restored near-perfect model) is floored at 0.01', () => {
    expect(lossDiverged(5, 1e-7)).toBeNull();
    expect(lossDiverged(101, 1e-7)).not.toBeNull();
  });
});
