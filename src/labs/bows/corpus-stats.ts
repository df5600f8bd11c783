/**
 * What a bows run needs from the corpus, computed once per (V, window) and cached: the windows,
 * exact co-occurrence over every window, a fixed sample of co-occurring pairs with their PMI
 * (the same for every seed), and a fixed evaluation batch.
 */
import { buildWindows, coverage, decodeBowsCorpus, windowWords, BOWS_ASSET, type BowsCorpus, type Windows } from '../../data/bows-corpus';
import { countCooccurrence, pairIndex, pmiPairs, type Cooccurrence } from '../../analysis/pmi';
import { dataCycle, type CooccurrenceCounts } from '../../analysis/cycle-structure';
import { createRng } from '../../engine/rng';
import { listIds, MONTHS, WEEKDAYS } from './analysis';
import type { BowsSource, SourceCycle } from './source';

/** Pairs must share at least this many windows (stride-1 windows: one co-occurrence at distance d spans 20 − d windows). */
export const MIN_PAIR_WINDOWS = 20;
/** Pairs the PMI correlation is computed on (a fixed random subset when more co-occur). */
export const PMI_SAMPLE = 20000;

export interface CorpusStats {
  corpus: BowsCorpus;
  V: number;
  window: number;
  windows: Windows;
  words: string[];
  coverage: { ofTokens: number; ofCandidates: number };
  /** All pairs with ≥ MIN_PAIR_WINDOWS shared windows. */
  pairCount: number;
  pairI: Int32Array;
  pairJ: Int32Array;
  pairPmi: Float32Array;
  /** The months and the weekdays (those in the vocabulary), read from the windows alone. */
  cycles: SourceCycle[];
}

/** The packed co-occurrence counts behind the accessor the cycle read-outs use. */
export function cooccurrenceCounts(c: Cooccurrence): CooccurrenceCounts {
  return {
    V: c.vocab,
    N: c.windows,
    single: (i) => c.single[i]!,
    pair: (i, j) => (i === j ? c.single[i]! : c.pairs[pairIndex(Math.min(i, j), Math.max(i, j), c.vocab)]!),
  };
}

/** Cycles of named words in the vocabulary `words`, with their data-side structure. */
export function wordCycles(counts: CooccurrenceCounts, words: readonly string[]): SourceCycle[] {
  const index = new Map(words.map((w, i) => [w, i]));
  return [
    ['months', MONTHS],
    ['weekdays', WEEKDAYS],
  ].map(([name, list]) => {
    const all = list as readonly string[];
    const sel = listIds(all, index);
    const at = { positions: sel.found.map((w) => all.indexOf(w)), period: all.length };
    return { name: name as string, ids: sel.ids, words: sel.found, at, data: dataCycle(counts, sel.ids, at) };
  });
}

let corpusCache: { buffer: Promise<BowsCorpus> } | null = null;
let statsCache: { key: string; stats: CorpusStats } | null = null;

export async function loadCorpus(loadAsset: (name: string) => Promise<ArrayBuffer>): Promise<BowsCorpus> {
  if (!corpusCache) {
    const buffer = loadAsset(BOWS_ASSET).then(decodeBowsCorpus);
    corpusCache = { buffer };
    buffer.catch(() => {
      corpusCache = null;
    });
  }
  return corpusCache.buffer;
}

export function corpusStats(corpus: BowsCorpus, V: number, window: number): CorpusStats {
  const key = `${V}:${window}`;
  if (statsCache && statsCache.key === key && statsCache.stats.corpus === corpus) return statsCache.stats;
  if (V > corpus.words.length) throw new Error(`vocabulary ${V} exceeds the corpus asset's ${corpus.words.length} words`);
  const windows = buildWindows(corpus, V, window);
  const cooc = countCooccurrence(V, windows.start.length, (w, out) => windowWords(corpus.tokens, windows.start[w]!, windows.end[w]!, V, out), window);
  const all = pmiPairs(cooc, MIN_PAIR_WINDOWS);
  const n = all.i.length;
  // Fixed subset (seed-independent) so every run is scored on the same pairs.
  const rng = createRng(4242);
  const idx = Array.from({ length: n }, (_, k) => k);
  const take = Math.min(n, PMI_SAMPLE);
  for (let k = 0; k < take; k++) {
    const j = k + rng.int(n - k);
    [idx[k], idx[j]] = [idx[j]!, idx[k]!];
  }
  const pick = idx.slice(0, take);
  const words = corpus.words.slice(0, V);
  const stats: CorpusStats = {
    corpus,
    V,
    window,
    windows,
    words,
    coverage: coverage(corpus, V),
    pairCount: n,
    pairI: Int32Array.from(pick, (k) => all.i[k]!),
    pairJ: Int32Array.from(pick, (k) => all.j[k]!),
    pairPmi: Float32Array.from(pick, (k) => all.pmi[k]!),
    cycles: wordCycles(cooccurrenceCounts(cooc), words),
  };
  statsCache = { key, stats };
  return stats;
}

/** The corpus statistics as a bows data source. */
export function textSource(stats: CorpusStats): BowsSource {
  const { corpus, windows, V } = stats;
  return {
    kind: 'text',
    V,
    words: stats.words,
    items: windows.start.length,
    maxWords: stats.window,
    itemWords: (w, out) => windowWords(corpus.tokens, windows.start[w]!, windows.end[w]!, V, out),
    pairCount: stats.pairCount,
    pairI: stats.pairI,
    pairJ: stats.pairJ,
    pairPmi: stats.pairPmi,
    info: {
      windows: windows.start.length,
      docs: corpus.docStart.length - 1,
      tokens: corpus.tokens.length,
      coverage: stats.coverage.ofTokens,
      coverageNonStop: stats.coverage.ofCandidates,
    },
    cycles: stats.cycles,
  };
}
