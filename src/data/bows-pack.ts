/**
 * Packs tokenised text into a bag-of-words corpus (src/data/bows-corpus.ts) incrementally, so that
 * a large text never sits in memory as strings: documents hold records (mails, paragraphs), every
 * token is interned once, and `finish` ranks the vocabulary candidates by frequency. Used by the
 * build-time packers and, in a worker or the runner, for the user's own text. Pure.
 */
import { MAX_RANKED, OOV, type BowsCorpus, type TokenScope } from './bows-corpus';

export class CorpusPacker {
  private readonly intern = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly candidate: boolean[] = [];
  private freq = new Uint32Array(1024);
  private ids = new Int32Array(1 << 16);
  private length = 0;
  private readonly docStart: number[] = [];
  private readonly recStart: number[] = [];
  private rawChars = 0;
  private candidateTokens = 0;

  constructor(
    private readonly isCandidate: (token: string) => boolean,
    private readonly tokenScope: TokenScope,
  ) {}

  get tokens(): number {
    return this.length;
  }

  get records(): number {
    return this.recStart.length;
  }

  /** Starts a document; empty documents and records are dropped at the end. */
  startDocument(): void {
    this.docStart.push(this.length);
  }

  /** Adds one record (a mail, a paragraph) of tokens to the current document. */
  addRecord(tokens: readonly string[], chars: number): void {
    if (tokens.length === 0) return;
    if (this.docStart.length === 0) this.startDocument();
    this.recStart.push(this.length);
    this.rawChars += chars;
    if (this.length + tokens.length > this.ids.length) {
      const grown = new Int32Array(Math.max(this.ids.length * 2, this.length + tokens.length));
      grown.set(this.ids.subarray(0, this.length));
      this.ids = grown;
    }
    for (const t of tokens) {
      let id = this.intern.get(t);
      if (id === undefined) {
        id = this.names.length;
        this.intern.set(t, id);
        this.names.push(t);
        this.candidate.push(this.isCandidate(t));
        if (id >= this.freq.length) {
          const grown = new Uint32Array(this.freq.length * 2);
          grown.set(this.freq);
          this.freq = grown;
        }
      }
      if (this.candidate[id]) {
        this.freq[id]!++;
        this.candidateTokens++;
      }
      this.ids[this.length++] = id;
    }
  }

  /**
   * The packed corpus: the `maxRanked` most frequent candidates ranked (ties alphabetical), plus
   * every word of `force` that occurs (even a stop word), so that months and weekdays are always
   * available to the run-time vocabulary.
   */
  finish(force: readonly string[] = [], maxRanked = MAX_RANKED): BowsCorpus {
    const n = this.names.length;
    const order: number[] = [];
    for (let id = 0; id < n; id++) if (this.candidate[id]) order.push(id);
    const cmp = (a: number, b: number) => this.freq[b]! - this.freq[a]! || (this.names[a]! < this.names[b]! ? -1 : 1);
    order.sort(cmp);
    const keep = order.slice(0, Math.max(0, maxRanked - force.length));
    const kept = new Set(keep);
    // Forced words count their every occurrence, stop word or not.
    const forcedFreq = new Map<number, number>();
    for (const w of force) {
      const id = this.intern.get(w);
      if (id !== undefined && !kept.has(id)) forcedFreq.set(id, 0);
    }
    if (forcedFreq.size > 0)
      for (let k = 0; k < this.length; k++) {
        const id = this.ids[k]!;
        const f = forcedFreq.get(id);
        if (f !== undefined) forcedFreq.set(id, f + 1);
      }
    const freqOf = (id: number) => forcedFreq.get(id) ?? this.freq[id]!;
    const ranked = [...keep, ...forcedFreq.keys()].sort((a, b) => freqOf(b) - freqOf(a) || (this.names[a]! < this.names[b]! ? -1 : 1));
    const rank = new Int32Array(n).fill(OOV);
    ranked.forEach((id, r) => (rank[id] = r));
    const tokens = new Uint16Array(this.length);
    for (let k = 0; k < this.length; k++) tokens[k] = rank[this.ids[k]!]!;
    return {
      words: ranked.map((id) => this.names[id]!),
      counts: Uint32Array.from(ranked, freqOf),
      docStart: offsets(this.docStart, this.length),
      recStart: offsets(this.recStart, this.length),
      tokenScope: this.tokenScope,
      tokens,
      rawTokens: this.length,
      rawChars: this.rawChars,
      candidateTokens: this.candidateTokens,
    };
  }
}

/** Start offsets without duplicates (empty spans dropped), closed by `end`. */
function offsets(starts: readonly number[], end: number): Uint32Array {
  const out: number[] = [];
  for (const s of starts) if (s < end && (out.length === 0 || s > out[out.length - 1]!)) out.push(s);
  if (out.length === 0 || out[0] !== 0) out.unshift(0);
  out.push(end);
  return end === 0 ? Uint32Array.from([0]) : Uint32Array.from(out);
}
