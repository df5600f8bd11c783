import type { Metrics, Snapshot } from '../../engine/lab';
import {
  columnNorms,
  dimensionsPerFeature,
  featureDimensionality,
  superpositionStrength,
  type Matrix,
} from '../../analysis/dimensionality';

/** The first model's W (m×n) of a snapshot. */
export function weightMatrix(snapshot: Snapshot, model = 0): Matrix {
  const w = snapshot.weights.W;
  if (!w) throw new Error('snapshot has no W');
  const [, m, n] = w.shape as [number, number, number];
  return { rows: m, cols: n, data: w.data.subarray(model * m * n, (model + 1) * m * n) };
}

export function superpositionMetrics(snapshot: Snapshot): Metrics {
  const w = weightMatrix(snapshot);
  return {
    norms: columnNorms(w),
    dimensionality: featureDimensionality(w),
    dimsPerFeature: dimensionsPerFeature(w),
    superposition: superpositionStrength(w),
  };
}
