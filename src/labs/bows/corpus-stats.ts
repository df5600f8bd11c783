/**
 * What a bows run needs from a text corpus, computed once per (corpus, V, unit, window, forced
 * words) and cached: the vocabulary (months and weekdays always forced in), the windows (W
 * consecutive records, or W consecutive tokens), exact co-occurrence over every window, a fixed
 * sample of co-occurring pairs with their PMI (the same for every seed), and the calendar cycles
 * read from the data alone.
 */
import { buildWindows, coverage, tokenSpans, windowWords, type BowsCorpus } from '../../data/bows-corpus';
import { selectVocabulary, type Vocabulary } from '../../data/bows-vocab';
import { buildRecordWindows, documentRecords, recordBags, RecordWindowReader } from '../../data/bows-record-windows';
import { pairIndex, pmiPairs, type Cooccurrence } from '../../analysis/pmi';
import { slidingCooccurrence } from '../../analysis/sliding-cooccurrence';
import { dataCycle, type CooccurrenceCounts } from '../../analysis/cycle-structure';
import { createRng } from '../../engine/rng';
import { listIds, MONTHS, WEEKDAYS } from './analysis';
import type { BowsSource, SourceCycle } from './source';

/** Pairs must share at least this many windows. */
export const MIN_PAIR_WINDOWS = 20;
/** Pairs the PMI correlation is computed on (a fixed random subset when more co-occur). */
export const PMI_SAMPLE = 20000;
/** Pairs are counted among the most frequent words up to this many (plus the cycle words): V² counts stay ≤ 32 MB. */
export const PAIR_VOCAB = 4000;

export type WindowUnit = 'records' | 'tokens';

export interface TextSpec {
  V: number;
  unit: WindowUnit;
  window: number;
  /** Extra words forced into the vocabulary (months and weekdays always are). */
  force: readonly string[];
}

export interface CorpusStats {
  spec: TextSpec;
  vocab: Vocabulary;
  items: number;
  maxWords: number;
  itemWords: (item: number, out: Int32Array) => number;
  coverage: { ofTokens: number; ofCandidates: number };
  /** All pairs with ≥ MIN_PAIR_WINDOWS shared windows. */
  pairCount: number;
  pairI: Int32Array;
  pairJ: Int32Array;
  pairPmi: Float32Array;
  /** The months and the weekdays (those in the vocabulary), read from the windows alone. */
  cycles: SourceCycle[];
  info: BowsSource['info'];
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

/** Cycles of named words in the vocabulary `words`, with their data-side structure (`toCounts`: vocabulary id → counted id). */
export function wordCycles(
  counts: CooccurrenceCounts,
  words: readonly string[],
  toCounts: (id: number) => number = (id) => id,
): SourceCycle[] {
  const index = new Map(words.map((w, i) => [w, i]));
  return [
    ['months', MONTHS],
    ['weekdays', WEEKDAYS],
  ].map(([name, list]) => {
    const all = list as readonly string[];
    const sel = listIds(all, index);
    const at = { positions: sel.found.map((w) => all.indexOf(w)), period: all.length };
    return { name: name as string, ids: sel.ids, words: sel.found, at, data: dataCycle(counts, sel.ids.map(toCounts), at) };
  });
}

/** Counted words: the PAIR_VOCAB most frequent, then the calendar words beyond them. */
function pairVocabulary(vocab: Vocabulary): { compact: Int32Array; ids: number[] } {
  const compact = new Int32Array(vocab.V).fill(-1);
  const ids: number[] = [];
  for (let i = 0; i < Math.min(vocab.V, PAIR_VOCAB); i++) ids.push(i);
  const index = new Map(vocab.words.map((w, i) => [w, i]));
  for (const w of [...MONTHS, ...WEEKDAYS]) {
    const id = index.get(w);
    if (id !== undefined && id >= PAIR_VOCAB) ids.push(id);
  }
  ids.forEach((id, k) => (compact[id] = k));
  return { compact, ids };
}

interface Windowed {
  items: number;
  maxWords: number;
  itemWords: (item: number, out: Int32Array) => number;
  cooc: Cooccurrence;
}

function tokenWindows(corpus: BowsCorpus, vocab: Vocabulary, window: number, compact: Int32Array, P: number): Windowed {
  const { V, tokens } = vocab;
  const spans = tokenSpans(corpus);
  const windows = buildWindows({ docStart: spans, tokens }, V, window);
  // Each token is a group of one word (or none): the sliding count covers token windows too.
  const start = new Uint32Array(tokens.length + 1);
  const words: number[] = [];
  for (let t = 0; t < tokens.length; t++) {
    if (tokens[t]! < V) words.push(tokens[t]!);
    start[t + 1] = words.length;
  }
  const cooc = slidingCooccurrence({ start, words: Int32Array.from(words) }, spans, window, compact, P, windows.start.length);
  return {
    items: windows.start.length,
    maxWords: window,
    itemWords: (w, out) => windowWords(tokens, windows.start[w]!, windows.end[w]!, V, out),
    cooc,
  };
}

function recordWindows(corpus: BowsCorpus, vocab: Vocabulary, window: number, compact: Int32Array, P: number): Windowed {
  const bags = recordBags(vocab.tokens, corpus.recStart, vocab.V);
  const docRec = documentRecords(corpus.docStart, corpus.recStart);
  const windows = buildRecordWindows(docRec, window, bags);
  const cooc = slidingCooccurrence(bags, docRec, window, compact, P, windows.first.length);
  const reader = new RecordWindowReader(bags, vocab.V);
  return {
    items: windows.first.length,
    maxWords: Math.max(1, cooc.maxPresent),
    itemWords: (w, out) => reader.read(windows.first[w]!, windows.end[w]!, out),
    cooc,
  };
}

let statsCache: { key: string; corpus: BowsCorpus; stats: CorpusStats } | null = null;

export function corpusStats(corpus: BowsCorpus, spec: TextSpec): CorpusStats {
  const key = `${spec.V}:${spec.unit}:${spec.window}:${spec.force.join(' ')}`;
  if (statsCache && statsCache.key === key && statsCache.corpus === corpus) return statsCache.stats;
  const vocab = selectVocabulary(corpus, spec.V, [...MONTHS, ...WEEKDAYS, ...spec.force]);
  const pv = pairVocabulary(vocab);
  const P = pv.ids.length;
  const w =
    spec.unit === 'records'
      ? recordWindows(corpus, vocab, spec.window, pv.compact, P)
      : tokenWindows(corpus, vocab, spec.window, pv.compact, P);
  const all = pmiPairs(w.cooc, MIN_PAIR_WINDOWS);
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
  const cov = coverage({ tokens: vocab.tokens, candidateTokens: corpus.candidateTokens }, spec.V);
  const stats: CorpusStats = {
    spec,
    vocab,
    items: w.items,
    maxWords: w.maxWords,
    itemWords: w.itemWords,
    coverage: cov,
    pairCount: n,
    pairI: Int32Array.from(pick, (k) => pv.ids[all.i[k]!]!),
    pairJ: Int32Array.from(pick, (k) => pv.ids[all.j[k]!]!),
    pairPmi: Float32Array.from(pick, (k) => all.pmi[k]!),
    cycles: wordCycles(cooccurrenceCounts(w.cooc), vocab.words, (id) => pv.compact[id]!),
    info: {
      windows: w.items,
      docs: corpus.docStart.length - 1,
      records: corpus.recStart.length - 1,
      tokens: corpus.tokens.length,
      coverage: cov.ofTokens,
      coverageNonStop: cov.ofCandidates,
    },
  };
  statsCache = { key, corpus, stats };
  return stats;
}

/** The corpus statistics as a bows data source. */
export function textSource(stats: CorpusStats): BowsSource {
  return {
    kind: 'text',
    V: stats.spec.V,
    words: stats.vocab.words,
    items: stats.items,
    maxWords: stats.maxWords,
    itemWords: stats.itemWords,
    pairCount: stats.pairCount,
    pairI: stats.pairI,
    pairJ: stats.pairJ,
    pairPmi: stats.pairPmi,
    info: stats.info,
    cycles: stats.cycles,
  };
}
