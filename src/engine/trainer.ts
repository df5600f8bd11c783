/** Headless training loop shared by the runner, the bench and the tests. */
import type { Run, Snapshot } from './lab';
import { lossDiverged } from './loss-check';
import { weightsFinite } from './weight-check';

export interface TrainResult {
  loss: Array<[number, number]>;
  finalLoss: number;
  /**
   * Set when the loss or a weight stopped being finite: the run was stopped and its last finite
   * snapshot kept.
   */
  diverged?: { step: number; snapshot: Snapshot | null; reason: string };
  steps: number;
}

export async function trainFor(
  run: Run,
  steps: number,
  opts: {
    lossEvery?: number;
    onProgress?: (step: number, loss: number) => void;
    /** Weights checked for finiteness at every kept snapshot and at the end (a ReLU hides NaN from the loss). */
    weightNames?: readonly string[];
  } = {},
): Promise<TrainResult> {
  const every = Math.max(1, opts.lossEvery ?? Math.ceil(steps / 300));
  const loss: Array<[number, number]> = [];
  let done = 0;
  const names = opts.weightNames ?? [];
  // Restore points need the weights only: the analyses run on the snapshot the caller takes at the end.
  let lastGood: Snapshot | null = await run.snapshot({ analysis: 'weights-only' });
  /** The loss of the starting weights (the first step's), once read. */
  let reference: number | null = null;
  const stop = (reason: string): TrainResult => {
    if (lastGood) run.restore(lastGood);
    return { loss, finalLoss: loss.at(-1)?.[1] ?? reference ?? NaN, diverged: { step: done, snapshot: lastGood, reason }, steps: done };
  };
  /** Takes a snapshot as the new restore point unless a weight is not finite; returns that weight's name. */
  const keep = async (): Promise<string | null> => {
    const snap = await run.snapshot({ analysis: 'weights-only' });
    const bad = weightsFinite(snap.weights, names);
    if (bad === null) lastGood = snap;
    return bad;
  };
  while (done < steps) {
    // The first step is taken alone: its loss is the starting weights' loss, the divergence reference.
    const chunk = done === 0 ? 1 : Math.min(every - (done % every), steps - done);
    run.step(chunk);
    done += chunk;
    const value = await run.loss();
    const diverged = lossDiverged(value, reference);
    if (diverged !== null) return stop(diverged);
    reference ??= value;
    if (done % every !== 0 && done !== steps) continue; // the lone first step is off the record's grid
    loss.push([done, value]);
    opts.onProgress?.(done, value);
    if (loss.length % 20 === 0 || done === steps) {
      const bad = await keep();
      if (bad !== null) return stop(`weight ${bad} is not finite`);
    }
  }
  return { loss, finalLoss: loss.at(-1)?.[1] ?? NaN, steps: done };
}
