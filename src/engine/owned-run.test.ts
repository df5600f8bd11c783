import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tf } from './tf';
import { activateNodeBackend } from '../cli/node-backend';
import { ownedRun, variableSlot } from './owned-run';
import { setAnalysisOffloader } from './analysis-offload';
import { identityBasis } from '../analysis/row-matrix';
import { runAnalysisJob, type AnalysisJobName, type JobInput, type JobOutput, type JobRunner } from '../analysis/jobs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A one-weight model whose step adds 1 to w (the loss is w). */
function counter() {
  const w = tf.variable(tf.zeros([1]));
  return {
    weights: { w: variableSlot(w) },
    owned: [],
    trainStep(withLoss: boolean) {
      w.assign(tf.add(w, 1));
      return withLoss ? tf.sum(w) : undefined;
    },
  };
}

/** The counter, whose analysis reports the step it was asked at, slowly at step 0. */
function countingRun() {
  const seen = { inFlight: 0, most: 0, calls: [] as number[] };
  const run = ownedRun({
    ...counter(),
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

  describe('with a job worker (the page playing)', () => {
    afterEach(() => setAnalysisOffloader(null));

    /** A job runner whose jobs finish when the test says so (`finish`), or are refused (`refuse`). */
    function heldJobs() {
      const held: Array<{ finish(): void; refuse(): void }> = [];
      const runner: JobRunner = {
        run<N extends AnalysisJobName>(name: N, input: JobInput<N>) {
          return new Promise<JobOutput<N>>((resolve, reject) =>
            held.push({ finish: () => resolve(runAnalysisJob(name, input)), refuse: () => reject(new Error('refused')) }),
          );
        },
      };
      return { runner, held };
    }

    /** countingRun plus a slow part: the anisotropy of a code made from the gathered step. */
    function runWithSlowPart() {
      const gathered: number[] = [];
      const run = ownedRun<'w', 'at' | 'slow'>({
        ...counter(),
        async analyse({ step, weights }) {
          gathered.push(step);
          return { at: { shape: [2], data: Float32Array.of(step, weights.w.data[0]!) } };
        },
        slowAnalysis: (g) => async (jobs) => {
          const step = g.at!.data[0]!;
          // One code of two rows on the axes: its anisotropy value is 1 whatever the step.
          const out = await jobs.run('latent-geometry', {
            latent: Float32Array.of(step + 1, 0, 0, step + 1),
            models: 1,
            k: 2,
            bases: [identityBasis(2)],
            epsilon: 0.9,
            maxPlanes: 1,
          });
          return { slow: { shape: [2], data: Float32Array.of(step, out.anisotropy[0]!) } };
        },
      });
      return { run, gathered };
    }

    /** runWithSlowPart with a held job worker set (afterEach unsets it). */
    function offloadedRun() {
      const { runner, held } = heldJobs();
      setAnalysisOffloader(runner);
      return { ...runWithSlowPart(), held };
    }

    it('gathers now, lets the job land later and keeps training meanwhile', async () => {
      const { run, held, gathered } = offloadedRun();
      run.step(2);
      const first = await run.snapshot({ analysis: 'budgeted' });
      // The snapshot did not wait for the job.
      expect(first.analysis).toBeUndefined();
      expect(held).toHaveLength(1);
      run.step(3);
      const second = await run.snapshot({ analysis: 'budgeted' });
      // One job at a time: nothing new was gathered while the first is in flight.
      expect(gathered).toEqual([2]);
      expect(second.analysis).toBeUndefined();
      held[0]!.finish();
      await sleep(0);
      run.step(1); // (a second snapshot at the same step would mean the run has settled: analysed inline)
      const third = await run.snapshot({ analysis: 'budgeted' });
      expect(third.step).toBe(6);
      // The analysis of step 2, gathered and slow parts together.
      expect(third.analysisStep).toBe(2);
      expect([...third.analysis!.at!.data]).toEqual([2, 2]);
      expect([...third.analysis!.slow!.data]).toEqual([2, 1]);
      run.dispose();
    });

    it('runs a fresh analysis inline, never through the job worker', async () => {
      const { run, held } = offloadedRun();
      run.step(4);
      const snap = await run.snapshot();
      expect(held).toHaveLength(0);
      expect(snap.analysisStep).toBe(4);
      expect([...snap.analysis!.slow!.data]).toEqual([4, 1]);
      run.dispose();
    });

    it('drops a job that lands after a newer analysis or after a restore', async () => {
      const { run, held } = offloadedRun();
      run.step(1);
      await run.snapshot({ analysis: 'budgeted' }); // job for step 1 in flight
      run.step(1);
      const paused = await run.snapshot(); // fresh, inline, step 2
      held[0]!.finish();
      await sleep(0);
      const after = await run.snapshot({ analysis: 'budgeted' });
      expect(after.analysisStep).toBe(2);
      expect([...after.analysis!.at!.data]).toEqual([2, 2]);

      run.step(5);
      await sleep(300); // past the job budget's shortest gap
      await run.snapshot({ analysis: 'budgeted' }); // job for step 7 in flight
      expect(held).toHaveLength(2);
      run.restore(paused);
      held[1]!.finish();
      await sleep(0);
      const restored = await run.snapshot({ analysis: 'weights-only' });
      expect(restored.step).toBe(2);
      expect(restored.analysis).toBeUndefined();
      run.dispose();
    });

    it('analyses inline from then on once the job worker refuses a job', async () => {
      const { run, held } = offloadedRun();
      run.step(1);
      await run.snapshot({ analysis: 'budgeted' });
      held[0]!.refuse();
      await sleep(300);
      run.step(1);
      const snap = await run.snapshot({ analysis: 'budgeted' });
      expect(held).toHaveLength(1);
      expect(snap.analysisStep).toBe(2);
      expect([...snap.analysis!.slow!.data]).toEqual([2, 1]);
      run.dispose();
    });
  });
});
