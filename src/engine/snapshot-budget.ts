/**
 * How often the worker may stop training to take a snapshot. A snapshot reads every weight back and,
 * for some labs, runs an analysis, so its cost differs by two orders of magnitude between labs
 * (superposition ≈ 0.1 ms, spotlight with its anisotropy null ≈ 100 ms). A fixed 30 Hz would let a
 * heavy lab spend most of its time on snapshots; instead the gap after a snapshot grows with what it
 * cost, so snapshots take at most `share` of the worker's time — and light labs still redraw at
 * up to 30 Hz. The share is 4%, not more: a snapshot also costs the page (drawing) and the garbage
 * collector's threads, which on a 2-core machine take the training worker's core (issue 15's page
 * share of ≥ 90%).
 */
export const MIN_SNAPSHOT_GAP_MS = 33;
/** Views update at least once a second however costly a snapshot is (a lab throttles its own heavy analysis). */
export const MAX_SNAPSHOT_GAP_MS = 1000;
export const SNAPSHOT_SHARE = 0.04;

/** The time to wait after a snapshot that took `costMs` before the next one. */
export function snapshotGapMs(
  costMs: number,
  share = SNAPSHOT_SHARE,
  minGapMs = MIN_SNAPSHOT_GAP_MS,
  maxGapMs = MAX_SNAPSHOT_GAP_MS,
): number {
  if (!(costMs > 0)) return minGapMs;
  return Math.min(maxGapMs, Math.max(minGapMs, (costMs * (1 - share)) / share));
}
