import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from './tf';
import { activateNodeBackend } from '../cli/node-backend';
import { ownedRun, variableSlot } from './owned-run';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A one-weight model whose step adds 1 to w; its analysis reports the step it was asked at, slowly at step 0. */
function countingRun() {
  const w = tf.variable(tf.zeros([1]));
  const seen = { inFlight: 0, most: 0, calls: [] as number[] };
  const run = ownedRun({
    weights: { w: variableSlot(w) },
    owned: [],
    trainStep(withLoss) {
      w.assign(tf.add(w, 1));
      return withLoss ? tf.sum(w) : undefined;
    },
    async analyse({ step, weights }) {
      seen.inFlight++;
      seen.most = Math.max(seen.most, seen.inFlight);
      seen.calls.push(step);
      await sleep(step === 0 ? 40 : 1);
      seen.inFlight--;
      return { at: { shape: [2], data: Float32Array.of(step, weights.w.data[0]!) } };
    },
  });
  return { run, seen };
}

describe('ownedRun', () => {
  beforeAll(() => activateNodeBackend('cpu'));

  it('reads one snapshot at a time, so a slow analysis never finishes after a newer one', async () => {
    const { run, seen } = countingRun();
    const first = run.snapshot();
    await sleep(10); // the step-0 analysis is in flight
    run.step(2);
    const second = run.snapshot();
    const [a, b] = await Promise.all([first, second]);
    expect(seen.most).toBe(1);
    expect(seen.calls).toEqual([0, 2]);
    // Each snapshot's step, weights and analysis describe the same moment.
    expect([a.step, a.weights.w!.data[0], a.analysisStep, ...a.analysis!.at!.data]).toEqual([0, 0, 0, 0, 0]);
    expect([b.step, b.weights.w!.data[0], b.analysisStep, ...b.analysis!.at!.data]).toEqual([2, 2, 2, 2, 2]);
    // A budgeted snapshot at the same step keeps the newest analysis, not the slow old one.
    const c = await run.snapshot({ analysis: 'budgeted' });
    expect(c.analysisStep).toBe(2);
    run.dispose();
  });

  it('skips the analysis for a weights-only snapshot and runs it for the next fresh one', async () => {
    const { run, seen } = countingRun();
    run.step(3);
    const restorePoint = await run.snapshot({ analysis: 'weights-only' });
    expect(restorePoint.analysis).toBeUndefined();
    expect(restorePoint.weights.w!.data[0]).toBe(3);
    expect(seen.calls).toEqual([]);
    const fresh = await run.snapshot();
    expect(fresh.analysisStep).toBe(3);
    expect(seen.calls).toEqual([3]);
    run.dispose();
  });
});
