import { describe, expect, it } from 'vitest';
import { buildWindows, coverage, decodeBowsCorpus, encodeBowsCorpus, OOV, tokenSpans, windowWords, type BowsCorpus } from './bows-corpus';

const X = OOV;
const corpus: BowsCorpus = {
  words: ['alpha', 'beta', 'gamma', 'delta'],
  counts: Uint32Array.from([5, 3, 2, 1]),
  // doc 0: 6 tokens, doc 1: 2 tokens, doc 2: 3 tokens of OOV only
  docStart: Uint32Array.from([0, 6, 8, 11]),
  recStart: Uint32Array.from([0, 3, 6, 8, 11]),
  tokenScope: 'doc',
  tokens: Uint16Array.from([0, X, 1, 0, 2, X, 3, 0, X, X, X]),
  rawTokens: 11,
  rawChars: 60,
  candidateTokens: 8,
};

describe('bows corpus asset', () => {
  it('round-trips through the binary format', () => {
    const bytes = encodeBowsCorpus(corpus);
    const back = decodeBowsCorpus(bytes.buffer.slice(0) as ArrayBuffer);
    expect(back.words).toEqual(corpus.words);
    expect(Array.from(back.tokens)).toEqual(Array.from(corpus.tokens));
    expect(Array.from(back.docStart)).toEqual(Array.from(corpus.docStart));
    expect(Array.from(back.recStart)).toEqual(Array.from(corpus.recStart));
    expect(back.tokenScope).toBe('doc');
    expect(Array.from(back.counts)).toEqual([5, 3, 2, 1]);
    expect(back.candidateTokens).toBe(8);
  });

  it('rejects a corrupt asset with a clear message', () => {
    const bytes = encodeBowsCorpus(corpus);
    expect(() => decodeBowsCorpus(bytes.buffer.slice(0, 20) as ArrayBuffer)).toThrow(/truncated/);
    const bad = bytes.slice();
    bad[0] = 0;
    expect(() => decodeBowsCorpus(bad.buffer)).toThrow(/magic/);
    expect(() => decodeBowsCorpus(bytes.buffer.slice(0, bytes.length - 1) as ArrayBuffer)).toThrow(/size/);
  });

  it('builds stride-1 windows inside documents only, skipping windows without a vocabulary word', () => {
    const w = buildWindows(corpus, 4, 3);
    // doc 0: starts 0..3; doc 1 (2 tokens): one window; doc 2: OOV only → none.
    expect(Array.from(w.start)).toEqual([0, 1, 2, 3, 6]);
    expect(Array.from(w.end)).toEqual([3, 4, 5, 6, 8]);
    // With V = 1 only "alpha" counts: the window [3,6) holds alpha, [6,8) holds alpha at 7.
    const w1 = buildWindows(corpus, 1, 3);
    expect(Array.from(w1.start)).toEqual([0, 1, 2, 3, 6]);
    const w2 = buildWindows(corpus, 4, 2);
    expect(Array.from(w2.start)).toEqual([0, 1, 2, 3, 4, 6]);
  });

  it('keeps token windows inside a record for a record-scoped corpus (a mail), inside a document otherwise', () => {
    expect(tokenSpans(corpus)).toBe(corpus.docStart);
    const mail = { ...corpus, tokenScope: 'record' as const };
    const w = buildWindows({ docStart: tokenSpans(mail), tokens: corpus.tokens }, 4, 3);
    // records [0,3) [3,6) [6,8) [8,11): one window each where it holds a word.
    expect(Array.from(w.start)).toEqual([0, 3, 6]);
    expect(Array.from(w.end)).toEqual([3, 6, 8]);
  });

  it('lists the distinct vocabulary words of a window, sorted', () => {
    const out = new Int32Array(8);
    const k = windowWords(corpus.tokens, 0, 6, 4, out);
    expect(Array.from(out.subarray(0, k))).toEqual([0, 1, 2]);
    expect(windowWords(corpus.tokens, 0, 6, 2, out)).toBe(2);
  });

  it('reports coverage of all tokens and of non-stop-word tokens', () => {
    const c = coverage(corpus, 2);
    expect(c.ofTokens).toBeCloseTo(4 / 11, 10);
    expect(c.ofCandidates).toBeCloseTo(4 / 8, 10);
  });
});
