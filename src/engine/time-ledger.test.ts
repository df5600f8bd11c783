import { describe, expect, it } from 'vitest';
import { splitTime, TimeLedger } from './time-ledger';

describe('TimeLedger', () => {
  it('adds up steps and snapshots and reads them with the clock', () => {
    let clock = 100;
    const ledger = new TimeLedger(() => clock);
    const before = ledger.read();
    ledger.addSteps(10, 40);
    ledger.addSnapshot(5);
    ledger.addSteps(5, 20);
    clock = 180;
    expect(ledger.read()).toEqual({ atMs: 180, stepMs: 60, steps: 15, snapshotMs: 5 });
    expect(before).toEqual({ atMs: 100, stepMs: 0, steps: 0, snapshotMs: 0 });
  });
});

describe('splitTime', () => {
  it('splits a window into steps, snapshots and the rest, and compares the step time with the reference', () => {
    // 1,000 ms: 850 stepping (100 steps of 8.5 ms), 60 in snapshots, 90 elsewhere; alone a step takes 8 ms.
    const s = splitTime({ atMs: 0, stepMs: 100, steps: 10, snapshotMs: 5 }, { atMs: 1000, stepMs: 950, steps: 110, snapshotMs: 65 }, 8);
    expect(s.stepShare).toBeCloseTo(0.85, 12);
    expect(s.snapshotShare).toBeCloseTo(0.06, 12);
    expect(s.otherShare).toBeCloseTo(0.09, 12);
    expect(s.msPerStep).toBeCloseTo(8.5, 12);
    expect(s.slowdown).toBeCloseTo(1.0625, 12);
    // The page's share of its reference rate: 100 steps/s against 125 alone.
    expect(s.stepShare / s.slowdown).toBeCloseTo(100 / 125, 12);
  });

  it('has no step time without steps, and refuses readings out of order', () => {
    const s = splitTime({ atMs: 0, stepMs: 0, steps: 0, snapshotMs: 0 }, { atMs: 500, stepMs: 0, steps: 0, snapshotMs: 100 }, 2);
    expect(s.msPerStep).toBeNaN();
    expect(s.slowdown).toBeNaN();
    expect(s.otherShare).toBeCloseTo(0.8, 12);
    expect(() =>
      splitTime({ atMs: 10, stepMs: 0, steps: 0, snapshotMs: 0 }, { atMs: 10, stepMs: 0, steps: 0, snapshotMs: 0 }, 2),
    ).toThrow();
    expect(() => splitTime({ atMs: 0, stepMs: 5, steps: 1, snapshotMs: 0 }, { atMs: 10, stepMs: 1, steps: 1, snapshotMs: 0 }, 2)).toThrow();
  });
});
