import type { Metrics, Params, Snapshot } from '../../../engine/lab';
import { capacity, type Matrix } from '../../../analysis/dimensionality';
import { regimeOf, type Regime } from '../../../analysis/capacity-allocation';
import { num } from '../../../engine/params';
import { importances } from '../config';
import { weightMatrix } from '../metrics';

export const REGIME_COLOR: Record<Regime, string> = { mono: '#1f77b4', poly: '#d62728', ignored: '#999999' };
export const REGIME_BAND: Record<Regime, string> = { mono: '#e3eef8', poly: '#fbe3e1', ignored: '#f2f2f2' };
export const REGIME_LABEL: Record<Regime, string> = { mono: 'monosemantic', poly: 'polysemantic', ignored: 'ignored' };

export function numberArray(v: Metrics[string] | undefined): number[] | null {
  return Array.isArray(v) && v.every((x) => typeof x === 'number') ? v : null;
}

export interface CapacityData {
  w: Matrix;
  capacity: number[];
  importance: number[];
  regimes: Regime[];
  total: number;
  m: number;
  marginalGain: number[] | null;
}

/** Capacity and friends for model 0, from the metrics where present, else from W. */
export function capacityData(snapshot: Snapshot | null, metrics: Metrics | null, params: Params): CapacityData | null {
  if (!snapshot?.weights.W) return null;
  const w = weightMatrix(snapshot);
  const fromMetrics = numberArray(metrics?.capacity);
  const c = fromMetrics && fromMetrics.length === w.cols ? fromMetrics : capacity(w);
  const v = numberArray(metrics?.importance) ?? importances(w.cols, num(params, 'importance'));
  const gain = numberArray(metrics?.marginalGain);
  return {
    w,
    capacity: c,
    importance: v,
    regimes: c.map(regimeOf),
    total: c.reduce((s, x) => s + (Number.isFinite(x) ? x : 0), 0),
    m: w.rows,
    marginalGain: gain && gain.length === w.cols ? gain : null,
  };
}
