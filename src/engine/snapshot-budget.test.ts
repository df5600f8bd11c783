import { describe, expect, it } from 'vitest';
import { MIN_SNAPSHOT_GAP_MS, snapshotGapMs } from './snapshot-budget';

describe('snapshotGapMs', () => {
  it('keeps 30 Hz for cheap snapshots', () => {
    expect(snapshotGapMs(0.2)).toBe(MIN_SNAPSHOT_GAP_MS);
    expect(snapshotGapMs(0)).toBe(MIN_SNAPSHOT_GAP_MS);
    expect(snapshotGapMs(NaN)).toBe(MIN_SNAPSHOT_GAP_MS);
  });

  it('waits 24 times a costly snapshot, so snapshots take 4% of the time', () => {
    expect(snapshotGapMs(20)).toBeCloseTo(480, 9);
    // …but views update at least once a second.
    expect(snapshotGapMs(100)).toBe(1000);
    const cost = 10;
    const gap = snapshotGapMs(cost);
    expect(cost / (cost + gap)).toBeCloseTo(0.04, 9);
    expect(snapshotGapMs(10, 0.5)).toBe(33);
    expect(snapshotGapMs(100, 0.5)).toBe(100);
  });
});
