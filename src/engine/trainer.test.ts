import { describe, expect, it } from 'vitest';
import type { Run, Snapshot } from './lab';
import { trainFor } from './trainer';

/** A run whose loss halves each step and turns NaN at `breakAt`; its weight is the step count. */
function fakeRun(breakAt: number): Run & { restored: Snapshot | null } {
  let step = 0;
  const self = {
    restored: null as Snapshot | null,
    step(n: number) {
      step += n;
    },
    async loss() {
      return step >= breakAt ? NaN : 2 ** -step;
    },
    async snapshot(): Promise<Snapshot> {
      return { step, loss: 2 ** -step, weights: { W: { shape: [1], data: new Float32Array([step]) } } };
    },
    restore(s: Snapshot) {
      self.restored = s;
      step = s.step;
    },
    dispose() {},
    staticData: {},
  };
  return self;
}

describe('trainFor', () => {
  it('records the loss curve at the requested interval', async () => {
    const result = await trainFor(fakeRun(Infinity), 100, { lossEvery: 10 });
    expect(result.loss.map(([s]) => s)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(result.finalLoss).toBe(2 ** -100);
    expect(result.diverged).toBeUndefined();
  });

  it('stops at a non-finite loss and restores the last finite snapshot', async () => {
    const run = fakeRun(450);
    const result = await trainFor(run, 1000, { lossEvery: 10 });
    expect(result.diverged?.step).toBe(450);
    expect(result.steps).toBe(450);
    expect(run.restored?.step).toBe(400);
    expect(Number.isFinite(result.finalLoss)).toBe(true);
  });

  it('stops when a finite loss jumps over 10,000× the starting loss (a far too large learning rate)', async () => {
    const run = fakeRun(Infinity);
    let steps = 0;
    const step = run.step.bind(run);
    run.step = (n: number) => {
      steps += n;
      step(n);
    };
    // Loss 0.5 at the start, 3e5 from step 300 on (finite, as in the spotlight lab at lr 10).
    run.loss = async () => (steps >= 300 ? 3e5 : 0.5);
    const result = await trainFor(run, 1000, { lossEvery: 10 });
    expect(result.diverged?.step).toBe(300);
    expect(result.diverged?.reason).toBe('loss 3.00e+5 is over 10,000× the starting 0.500');
    expect(run.restored?.step).toBe(200);
  });
});
