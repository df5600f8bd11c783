import type { Metrics, NamedTensor, Snapshot } from '../../engine/lab';

type StaticData = Readonly<Record<string, NamedTensor>>;
import { STAT_KEYS, cycleTensor, type StatKey } from './constants';

/** The named read-outs the worker computed into the snapshot's `stats` tensor. */
export function snapshotStats(snapshot: Snapshot | null): Record<StatKey, number> | null {
  const s = snapshot?.analysis?.stats;
  if (!s || s.data.length !== STAT_KEYS.length) return null;
  const out = {} as Record<StatKey, number>;
  STAT_KEYS.forEach((k, i) => (out[k] = s.data[i]!));
  return out;
}

const round = (v: number, d = 4) => (Number.isFinite(v) ? +v.toFixed(d) : NaN);

/** The cycles a run carries read-outs for (the headline one first). */
export function snapshotCycles(staticData: StaticData): string[] {
  return Object.keys(staticData)
    .filter((k) => k.startsWith('cycle.') && k.endsWith('.ids'))
    .map((k) => k.slice('cycle.'.length, -'.ids'.length));
}

/** Model and data similarity of a cycle's item pairs by cyclic distance 1…⌊n/2⌋. */
export function cycleSimilarity(
  snapshot: Snapshot,
  staticData: StaticData,
  cycle: string,
): { model: number[]; dataPmi: number[]; dataCosine: number[] } | null {
  const get = (part: 'simModel' | 'simDataPmi' | 'simDataCos') =>
    part === 'simModel' ? snapshot.analysis?.[cycleTensor(cycle, part)] : staticData[cycleTensor(cycle, part)];
  const model = get('simModel');
  const pmi = get('simDataPmi');
  const cos = get('simDataCos');
  if (!model || !pmi || !cos) return null;
  const arr = (t: { data: Float32Array }) => Array.from(t.data, (v) => round(v));
  return { model: arr(model), dataPmi: arr(pmi), dataCosine: arr(cos) };
}

export function bowsMetrics(snapshot: Snapshot, staticData: StaticData): Metrics {
  const s = snapshotStats(snapshot);
  if (!s) throw new Error('snapshot has no bows statistics');
  const cycles = snapshotCycles(staticData);
  const similarity: Metrics = {};
  for (const c of cycles) {
    const sim = cycleSimilarity(snapshot, staticData, c);
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
