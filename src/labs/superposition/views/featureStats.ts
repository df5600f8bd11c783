import { columnNorms, dimensionsPerFeature, featureDimensionality, type Matrix } from '../../../analysis/dimensionality';
import type { Metrics } from '../../../engine/lab';

export interface FeatureStats {
  norms: number[];
  dimensionality: number[];
  dimsPerFeature: number;
}

function numberArray(v: Metrics[string] | undefined): number[] | null {
  return Array.isArray(v) && v.every((x) => typeof x === 'number') ? v : null;
}

/** ‖W_i‖, D_i and m/‖W‖_F² from the lab's metrics, computed from W where they are missing. */
export function featureStats(metrics: Metrics | null, w: Matrix | null): FeatureStats | null {
  const norms = numberArray(metrics?.norms) ?? (w ? columnNorms(w) : null);
  const dimensionality = numberArray(metrics?.dimensionality) ?? (w ? featureDimensionality(w) : null);
  const dpf = metrics?.dimsPerFeature;
  const dimsPerFeature = typeof dpf === 'number' ? dpf : w ? dimensionsPerFeature(w) : NaN;
  if (!norms || !dimensionality) return null;
  return { norms, dimensionality, dimsPerFeature };
}
