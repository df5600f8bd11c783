import { describe, expect, it } from 'vitest';
import { CorpusPacker } from './bows-pack';
import { selectVocabulary, parseWordList } from './bows-vocab';
import { buildRecordWindows, documentRecords, recordBags, RecordWindowReader } from './bows-record-windows';
import { brownParagraphs, looksLikeText, paragraphs } from './corpus-text';
import { isVocabCandidate } from './corpus-mail';
import { OOV } from './bows-corpus';

/** Two documents: doc 0 has 3 records, doc 1 has 1. */
function packed() {
  const p = new CorpusPacker(isVocabCandidate, 'doc');
  p.startDocument();
  p.addRecord(['apple', 'the', 'pear'], 14);
  p.addRecord(['apple', 'plum'], 10);
  p.addRecord(['fig', 'apple'], 9);
  p.startDocument();
  p.addRecord(['pear', 'the', 'Monday'], 15);
  return p.finish(['the', 'Sunday']);
}

describe('bows text corpora', () => {
  it('packs documents of records, ranks candidates by frequency and forces words in (even a stop word)', () => {
    const c = packed();
    expect(Array.from(c.docStart)).toEqual([0, 7, 10]);
    expect(Array.from(c.recStart)).toEqual([0, 3, 5, 7, 10]);
    expect(c.words.slice(0, 3)).toEqual(['apple', 'pear', 'the']);
    expect(c.words).toContain('Monday');
    expect(c.words).not.toContain('Sunday');
    expect(c.tokens[1]).toBe(c.words.indexOf('the'));
    expect(c.candidateTokens).toBe(8);
  });

  it('chooses V words with the forced ones in, rewrites tokens to them, and says which are missing', () => {
    const c = packed();
    const v = selectVocabulary(c, 2, ['Monday', 'Sunday']);
    expect(v.words).toEqual(['apple', 'Monday']);
    expect(v.missing).toEqual(['Sunday']);
    expect(Array.from(v.tokens.subarray(0, 3))).toEqual([0, OOV, OOV]);
    expect(v.tokens[9]).toBe(1);
    expect(() => selectVocabulary(c, 50, [])).toThrow(/choose V ≤/);
    expect(parseWordList('Monday, Tuesday  one,one')).toEqual(['Monday', 'Tuesday', 'one']);
  });

  it('windows W consecutive records, stride 1, inside documents; a short document is one window', () => {
    const c = packed();
    const v = selectVocabulary(c, c.words.length, []);
    const bags = recordBags(v.tokens, c.recStart, v.V);
    const docRec = documentRecords(c.docStart, c.recStart);
    expect(Array.from(docRec)).toEqual([0, 3, 4]);
    const w = buildRecordWindows(docRec, 2, bags);
    expect(Array.from(w.first)).toEqual([0, 1, 3]);
    expect(Array.from(w.end)).toEqual([2, 3, 4]);
    const reader = new RecordWindowReader(bags, v.V);
    const out = new Int32Array(16);
    const k = reader.read(0, 2, out);
    const names = Array.from(out.subarray(0, k), (id) => v.words[id]).sort();
    expect(names).toEqual(['apple', 'pear', 'plum', 'the']);
  });

  it('splits plain text into paragraphs and strips Brown tags', () => {
    expect(paragraphs('a b\n\n\nc\r\nd\n  \ne')).toEqual(['a b', 'c\nd', 'e']);
    expect(paragraphs('one line\nanother line\n')).toEqual(['one line', 'another line']);
    expect(brownParagraphs('\n\n\tThe/at jury/nn said/vbd ./.\n\n\n\tIt/pps ``/`` ended/vbd\n')).toEqual([
      ['The', 'jury', 'said'],
      ['It', 'ended'],
    ]);
    expect(looksLikeText(new TextEncoder().encode('plain words'))).toBe(true);
    expect(looksLikeText(Uint8Array.from([80, 0, 1]))).toBe(false);
  });
});
