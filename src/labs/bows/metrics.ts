import type { Metrics, Snapshot } from '../../engine/lab';
import { STAT_KEYS, cycleTensor, type StatKey } from './constants';

/** The named read-outs the worker computed into the snapshot's `stats` tensor. */
export function snapshotStats(snapshot: Snapshot | null): Record<StatKey, number> | null {
  const s = snapshot?.tensors.stats;
  if (!s || s.data.length !== STAT_KEYS.length) return null;
  const out = {} as Record<StatKey, number>;
  STAT_KEYS.forEach((k, i) => (out[k] = s.data[i]!));
  return out;
}

const round = (v: number, d = 4) => (Number.isFinite(v) ? +v.toFixed(d) : NaN);

/** The cycles a snapshot carries read-outs for (the headline one first). */
export function snapshotCycles(snapshot: Snapshot | null): string[] {
  if (!snapshot) return [];
  return Object.keys(snapshot.tensors)
    .filter((k) => k.startsWith('cycle.') && k.endsWith('.ids'))
    .map((k) => k.slice('cycle.'.length, -'.ids'.length));
}

/** Model and data similarity of a cycle's item pairs by cyclic distance 1…⌊n/2⌋. */
export function cycleSimilarity(snapshot: Snapshot, cycle: string): { model: number[]; dataPmi: number[]; dataCosine: number[] } | null {
  const get = (part: 'simModel' | 'simDataPmi' | 'simDataCos') => snapshot.tensors[cycleTensor(cycle, part)];
  const model = get('simModel');
  const pmi = get('simDataPmi');
  const cos = get('simDataCos');
  if (!model || !pmi || !cos) return null;
  const arr = (t: { data: Float32Array }) => Array.from(t.data, (v) => round(v));
  return { model: arr(model), dataPmi: arr(pmi), dataCosine: arr(cos) };
}

export function bowsMetrics(snapshot: Snapshot): Metrics {
  const s = snapshotStats(snapshot);
  if (!s) throw new Error('snapshot has no bows statistics');
  const cycles = snapshotCycles(snapshot);
  const similarity: Metrics = {};
  for (const c of cycles) {
    const sim = cycleSimilarity(snapshot, c);
    if (sim) similarity[c] = sim;
  }
  return {
    pmiCorrelation: round(s.pmiCorrelation),
    cycleOrderScore: round(s.cycleOrderScore),
    dataCycleOrderScore: round(s.dataCycleOrderScore),
    weekdayCycleOrderScore: round(s.weekdayCycleOrderScore),
    dataWeekdayCycleOrderScore: round(s.dataWeekdayCycleOrderScore),
    cycleItems: s.cycleItems,
    monthsInVocab: s.monthsInVocab,
    similarityByDistance: similarity,
    precision: round(s.precision),
    recall: round(s.recall),
    corpus: {
      docs: s.docs,
      records: s.records,
      tokens: s.tokens,
      windows: s.windows,
      coverage: round(s.coverage),
      coverageNonStop: round(s.coverageNonStop),
      pmiPairs: s.pmiPairs,
    },
  };
}
