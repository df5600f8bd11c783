/**
 * When a run's analysis may run again inside the page's play loop: at most a tenth of the time (the
 * gap after an analysis is nine times what it cost) and at most every 250 ms. Outside the play loop
 * (paused, stepped, the runner, tests) analyses are always fresh and this is not asked.
 */
export const ANALYSIS_SHARE = 0.1;
export const ANALYSIS_MIN_GAP_MS = 250;
/**
 * An analysis whose slow part runs in a job worker (owned-run.ts) costs training only its gathering,
 * yet the job worker, the page redrawing from each new analysis and the garbage collector share the
 * other core of a 2-core machine: more than a tenth of the time there slowed training (measured:
 * half of it gave spotlight 0.62 of its rate in the page, a tenth 0.87–0.90).
 */
export const OFFLOADED_ANALYSIS_SHARE = 0.1;

export class AnalysisBudget {
  private endedAt = -Infinity;
  private costMs = 0;

  constructor(
    private readonly share = ANALYSIS_SHARE,
    private readonly minGapMs = ANALYSIS_MIN_GAP_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The gap after an analysis that cost `costMs`. */
  gapMs(costMs = this.costMs): number {
    return Math.max(this.minGapMs, (costMs * (1 - this.share)) / this.share);
  }

  /** Whether an analysis may run now; `first` (nothing computed yet) always may. */
  due(first = false): boolean {
    return first || this.now() - this.endedAt >= this.gapMs();
  }

  spent(costMs: number): void {
    this.costMs = costMs;
    this.endedAt = this.now();
  }
}
