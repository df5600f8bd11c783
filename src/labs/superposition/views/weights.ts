import type { Matrix } from '../../../analysis/dimensionality';
import type { Snapshot } from '../../../engine/lab';
import { weightMatrix } from '../metrics';

/** Model 0's W of a snapshot, or null when there is no snapshot (or no W in it). */
export function snapshotWeights(snapshot: Snapshot | null): Matrix | null {
  if (!snapshot?.weights.W) return null;
  return weightMatrix(snapshot);
}
