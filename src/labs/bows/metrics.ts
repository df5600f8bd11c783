import type { Metrics, Snapshot } from '../../engine/lab';
import { STAT_KEYS, type StatKey } from './constants';

/** The named read-outs the worker computed into the snapshot's `stats` tensor. */
export function snapshotStats(snapshot: Snapshot | null): Record<StatKey, number> | null {
  const s = snapshot?.tensors.stats;
  if (!s || s.data.length !== STAT_KEYS.length) return null;
  const out = {} as Record<StatKey, number>;
  STAT_KEYS.forEach((k, i) => (out[k] = s.data[i]!));
  return out;
}

const round = (v: number, d = 4) => (Number.isFinite(v) ? +v.toFixed(d) : NaN);

export function bowsMetrics(snapshot: Snapshot): Metrics {
  const s = snapshotStats(snapshot);
  if (!s) throw new Error('snapshot has no bows statistics');
  return {
    pmiCorrelation: round(s.pmiCorrelation),
    cycleOrderScore: round(s.cycleOrderScore),
    monthsInVocab: s.monthsInVocab,
    precision: round(s.precision),
    recall: round(s.recall),
    corpus: {
      docs: s.docs,
      tokens: s.tokens,
      windows: s.windows,
      coverage: round(s.coverage),
      coverageNonStop: round(s.coverageNonStop),
      pmiPairs: s.pmiPairs,
    },
  };
}
