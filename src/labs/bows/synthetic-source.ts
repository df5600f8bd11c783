/**
 * A synthetic BOWS data source (src/data/bows-synthetic.ts) as a bows source: a fixed pool of
 * samples drawn from a fixed data seed (the same data for every training seed, as the authors'
 * data_seed), every co-occurring pair with its PMI, and the features in their order along the
 * latent shape as the cycle.
 */
import { createRng } from '../../engine/rng';
import { countsOfDense, dataCycle, pmiOf } from '../../analysis/cycle-structure';
import { sampleSynthetic, syntheticNames, type SyntheticSpec } from '../../data/bows-synthetic';
import { MONTHS, WEEKDAYS } from './analysis';
import type { BowsSource } from './source';

/** Samples in the pool (the authors train on 8,000 of 10,000). */
export const SYNTHETIC_SAMPLES = 10000;
export const SYNTHETIC_DATA_SEED = 42;

let cache: { key: string; source: BowsSource } | null = null;

export function syntheticSource(spec: SyntheticSpec): BowsSource {
  const key = `${spec.shape}:${spec.features}:${spec.sharpness}:${spec.baseLogOdds ?? 0}`;
  if (cache?.key === key) return cache.source;
  const n = spec.features;
  const bags = sampleSynthetic(spec, SYNTHETIC_SAMPLES, createRng(SYNTHETIC_DATA_SEED));
  const counts = countsOfDense(bags.x, bags.samples, n);
  const words = syntheticNames(n, MONTHS, WEEKDAYS);
  const I: number[] = [];
  const J: number[] = [];
  const P: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const p = pmiOf(counts, i, j);
      if (!Number.isFinite(p)) continue;
      I.push(i);
      J.push(j);
      P.push(p);
    }
  }
  const ids = Array.from({ length: n }, (_, i) => i);
  let active = 0;
  for (const v of bags.x) active += v;
  const source: BowsSource = {
    kind: 'synthetic',
    V: n,
    words,
    items: bags.samples,
    maxWords: n,
    itemWords: (item, out) => {
      let k = 0;
      for (let i = 0; i < n; i++) if (bags.x[item * n + i]) out[k++] = i;
      return k;
    },
    pairCount: I.length,
    pairI: Int32Array.from(I),
    pairJ: Int32Array.from(J),
    pairPmi: Float32Array.from(P),
    info: { windows: bags.samples, docs: 0, records: 0, tokens: active, coverage: 1, coverageNonStop: 1 },
    cycles: [{ name: 'ring', ids, words, at: { positions: ids, period: n }, data: dataCycle(counts, ids) }],
  };
  cache = { key, source };
  return source;
}
