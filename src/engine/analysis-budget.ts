/**
 * When a run's analysis may run again inside the page's play loop: at most a tenth of the time (the
 * gap after an analysis is nine times what it cost) and at most every 250 ms. Outside the play loop
 * (paused, stepped, the runner, tests) analyses are always fresh and this is not asked.
 */
export const ANALYSIS_SHARE = 0.1;
export const ANALYSIS_MIN_GAP_MS = 250;

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
