import type { Metrics, Params, Snapshot } from '../../engine/lab';
import { num } from '../../engine/params';
import { capacity, columnNorms, type Matrix } from '../../analysis/dimensionality';
import { marginalGain, polysemanticFraction, regimeCounts, regimeOf } from '../../analysis/capacity-allocation';
import { neuronLoadCounts } from '../../analysis/blocks';
import { DEFAULT_SHARE, findSpectralBlocks } from '../../analysis/spectral-blocks';
import { importances, inputSetting, modelKind } from './config';

/**
 * Default energy share above which a feature counts as using a spectral subspace of W (blocks:
 * analysis/spectral-blocks.ts), and the neuron-load threshold.
 */
export const BLOCK_SHARE = DEFAULT_SHARE;
export const LOAD_THRESHOLD = 0.2;

/** Model `model`'s W (m×n) of a snapshot. */
export function weightMatrix(snapshot: Snapshot, model = 0): Matrix {
  const w = snapshot.weights.W;
  if (!w) throw new Error('snapshot has no W');
  const [, m, n] = w.shape as [number, number, number];
  return { rows: m, cols: n, data: w.data.subarray(model * m * n, (model + 1) * m * n) };
}

export function capacityMetrics(snapshot: Snapshot, params: Params): Metrics {
  const w = weightMatrix(snapshot);
  const c = capacity(w);
  const v = importances(w.cols, num(params, 'importance'));
  const setting = inputSetting(params);
  const blocks = findSpectralBlocks(w, { share: BLOCK_SHARE, exclude: c.map((ci) => regimeOf(ci) === 'ignored') });
  const live = blocks.blocks.filter((b) => !b.ignored);
  const out: Metrics = {
    capacity: c,
    totalCapacity: c.reduce((s, x) => s + x, 0),
    regimeCounts: { ...regimeCounts(c) },
    polysemanticFraction: polysemanticFraction(c),
    importance: v,
    norms: columnNorms(w),
    kurtosis: setting.kurtosis,
    [setting.distribution === 'power' ? 'power' : 'sparsity']: setting.shape,
    blocks: live.map((b) => b.members),
    blockDims: live.map((b) => b.dims),
    singularValuesSquared: blocks.singularValuesSquared,
    neuronLoad: neuronLoadCounts(w, LOAD_THRESHOLD),
  };
  // The closed-form loss per unit capacity holds for the quadratic model only.
  if (modelKind(params) === 'quadratic') out.marginalGain = c.map((ci, i) => marginalGain(ci, v[i]!, setting.kurtosis));
  return out;
}
