import { describe, expect, it } from 'vitest';
import { cycleReading } from './cycle-reading';

describe('cycleReading', () => {
  it('reads the cycle order score against the ring threshold and chance 2/(n−1)', () => {
    expect(cycleReading(0.95, 12)).toBe(' — a ring: the words go round in order (chance ≈ 0.18)');
    expect(cycleReading(0.5, 12)).toBe(' — partly ordered, no closed ring yet (chance ≈ 0.18)');
    expect(cycleReading(0.2, 12)).toBe(' — about chance (≈ 0.18): no cyclic order');
    expect(cycleReading(0.6, 7)).toBe(' — partly ordered, no closed ring yet (chance ≈ 0.33)');
  });

  it('says nothing without a score', () => {
    expect(cycleReading(NaN, 12)).toBe('');
    expect(cycleReading(1, 2)).toBe('');
  });
});
