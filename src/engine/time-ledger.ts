/**
 * Where the training worker's time goes while it plays: in training steps (and the chunk's loss
 * read-back), in snapshots (weights read back, checked and posted, and the lab's analysis gathered
 * with them), or elsewhere (yielding to messages, waiting, garbage collection). The bench reads it
 * twice around a window of playing and splits the page's share of the lab's own step rate into two
 * factors it can measure: the share of the worker's time spent stepping, and how much slower a step
 * runs beside the page than alone (issue 15, "in the page at full speed").
 */
export interface WorkerTime {
  /** performance.now() in the worker when read. */
  atMs: number;
  /** Milliseconds spent in training chunks, and the steps they took. */
  stepMs: number;
  steps: number;
  /** Milliseconds spent taking and posting snapshots (analyses gathered with them included). */
  snapshotMs: number;
}

export class TimeLedger {
  private stepMs = 0;
  private steps = 0;
  private snapshotMs = 0;

  constructor(private readonly now: () => number = () => performance.now()) {}

  addSteps(count: number, ms: number): void {
    this.steps += count;
    this.stepMs += ms;
  }

  addSnapshot(ms: number): void {
    this.snapshotMs += ms;
  }

  read(): WorkerTime {
    return { atMs: this.now(), stepMs: this.stepMs, steps: this.steps, snapshotMs: this.snapshotMs };
  }
}

export interface TimeSplit {
  /** Share of the window's wall time spent in training steps. */
  stepShare: number;
  /** Share spent in snapshots. */
  snapshotShare: number;
  /** The rest: yields, waits, garbage collection. */
  otherShare: number;
  /** Milliseconds per step inside the window. */
  msPerStep: number;
  /** msPerStep over the lab's own ms per step measured alone: above 1, the page slows each step. */
  slowdown: number;
}

/**
 * The split of the window between two readings; `referenceMsPerStep` is the lab's own step time in
 * the same page without views. The page's share of its reference rate is stepShare / slowdown.
 */
export function splitTime(before: WorkerTime, after: WorkerTime, referenceMsPerStep: number): TimeSplit {
  const wall = after.atMs - before.atMs;
  const stepMs = after.stepMs - before.stepMs;
  const steps = after.steps - before.steps;
  const snapshotMs = after.snapshotMs - before.snapshotMs;
  if (!(wall > 0) || stepMs < 0 || snapshotMs < 0 || steps < 0) throw new Error('the second reading is not after the first');
  const msPerStep = steps > 0 ? stepMs / steps : NaN;
  return {
    stepShare: stepMs / wall,
    snapshotShare: snapshotMs / wall,
    otherShare: Math.max(0, wall - stepMs - snapshotMs) / wall,
    msPerStep,
    slowdown: referenceMsPerStep > 0 ? msPerStep / referenceMsPerStep : NaN,
  };
}
