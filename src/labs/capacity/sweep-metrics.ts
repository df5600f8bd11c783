/**
 * The runner's summary of a kurtosis sweep (`npm run lab -- capacity --mode sweep`): each regime's
 * fraction of features, mean over replicates, keyed by the generators' kurtosis with two decimals
 * (e.g. "4.77", "12.00": never an integer-like key, so JSON keeps them in increasing order), and its
 * spread (sd over replicates) under the same keys.
 */
import type { Metrics } from '../../engine/lab';
import type { SweepResult } from '../../engine/sweep';

/** Series label of the sweep → metric name. */
const NAMES: Record<string, string> = {
  polysemantic: 'polysemanticFraction',
  monosemantic: 'monosemanticFraction',
  ignored: 'ignoredFraction',
};

export const kurtosisKey = (k: number): string => k.toFixed(2);

export function kurtosisSweepMetrics(result: SweepResult): Metrics {
  const out: Metrics = { kurtosis: result.xValues };
  const spread: Metrics = {};
  for (const series of result.series ?? []) {
    const name = NAMES[series.label];
    if (!name) continue;
    const byK = (values: readonly number[]) => Object.fromEntries(series.x.map((k, i) => [kurtosisKey(k), values[i]!]));
    out[name] = byK(series.y);
    if (series.spread) spread[name] = byK(series.spread);
  }
  out.sd = spread;
  return out;
}
