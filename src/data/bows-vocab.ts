/**
 * The run-time vocabulary of a packed corpus: V words, the forced ones (months, weekdays, the
 * user's list) wherever they rank, the most frequent others filling the rest, in frequency order
 * (id 0 = most frequent). The corpus tokens are rewritten to these ids (OOV otherwise), so that
 * every window reader can keep testing `id < V`. Pure.
 */
import { OOV, type BowsCorpus } from './bows-corpus';

export interface Vocabulary {
  V: number;
  words: string[];
  /** Corpus tokens as vocabulary ids (< V) or OOV. */
  tokens: Uint16Array;
  /** Forced words that are in the vocabulary, and those the corpus never has. */
  forced: string[];
  missing: string[];
}

/** Splits a typed word list ("Monday, Tuesday one two") into distinct words, in order. */
export function parseWordList(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((w) => w.length > 0))];
}

export function selectVocabulary(c: Pick<BowsCorpus, 'words' | 'tokens'>, V: number, force: readonly string[]): Vocabulary {
  if (V > c.words.length)
    throw new Error(`vocabulary ${V} exceeds the corpus's ${c.words.length} distinct words; choose V ≤ ${c.words.length}`);
  const rankOf = new Map(c.words.map((w, r) => [w, r]));
  const forced: string[] = [];
  const missing: string[] = [];
  const chosen = new Set<number>();
  for (const w of force) {
    const r = rankOf.get(w);
    if (r === undefined) missing.push(w);
    else if (!chosen.has(r)) {
      if (chosen.size >= V) throw new Error(`${force.length} forced words do not fit a vocabulary of ${V}`);
      chosen.add(r);
      forced.push(w);
    }
  }
  for (let r = 0; chosen.size < V && r < c.words.length; r++) chosen.add(r);
  const ranks = [...chosen].sort((a, b) => a - b);
  const idOf = new Uint16Array(c.words.length).fill(OOV);
  ranks.forEach((r, id) => (idOf[r] = id));
  const tokens = new Uint16Array(c.tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    const r = c.tokens[k]!;
    tokens[k] = r === OOV ? OOV : idOf[r]!;
  }
  return { V, words: ranks.map((r) => c.words[r]!), tokens, forced, missing };
}
