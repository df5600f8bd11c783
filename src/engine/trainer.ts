/** Headless training loop shared by the runner, the bench and the tests. */
import type { Run, Snapshot } from './lab';

export interface TrainResult {
  loss: Array<[number, number]>;
  finalLoss: number;
  /** Set when the loss stopped being finite: the run was stopped and its last finite snapshot kept. */
  diverged?: { step: number; snapshot: Snapshot | null };
  steps: number;
}

export async function trainFor(
  run: Run,
  steps: number,
  opts: { lossEvery?: number; onProgress?: (step: number, loss: number) => void } = {},
): Promise<TrainResult> {
  const every = Math.max(1, opts.lossEvery ?? Math.ceil(steps / 300));
  const loss: Array<[number, number]> = [];
  let done = 0;
  let lastGood: Snapshot | null = await run.snapshot();
  while (done < steps) {
    const chunk = Math.min(every, steps - done);
    run.step(chunk);
    done += chunk;
    const value = await run.loss();
    if (!Number.isFinite(value)) {
      if (lastGood) run.restore(lastGood);
      return { loss, finalLoss: loss.at(-1)?.[1] ?? NaN, diverged: { step: done, snapshot: lastGood }, steps: done };
    }
    loss.push([done, value]);
    opts.onProgress?.(done, value);
    if (loss.length % 20 === 0) lastGood = await run.snapshot();
  }
  return { loss, finalLoss: loss.at(-1)?.[1] ?? NaN, steps: done };
}
