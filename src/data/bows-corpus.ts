/**
 * A bag-of-words corpus as token ranks: built by scripts/data/bows*.ts from the SpamAssassin mail
 * bodies and the Brown corpus (or in a worker from the user's own text, src/data/bows-pack.ts).
 * Every token is kept as its frequency rank among vocabulary candidates (0 = most frequent), or
 * OOV (stop words, rare words), so that the vocabulary is chosen at run time.
 *
 * Structure: documents (mail folders, Brown texts, the user's files) hold records (mails,
 * paragraphs) which hold tokens. Record windows (W consecutive records, stride 1) never cross a
 * document; token windows never cross a document, or a record when `tokenScope` is 'record'
 * (the mail corpus: a token window stays inside one mail).
 *
 * Layout (little-endian):
 *   "BOW2", u32 maxVocab, u32 docs, u32 records, u32 tokens, u32 rawTokens, u32 rawChars, u32 vocabBytes,
 *   u32 candidateTokens, u32 tokenScope (0 doc, 1 record)
 *   u32 counts[maxVocab]        corpus frequency of each vocabulary word
 *   u32 docStart[docs + 1]      token offsets of the documents
 *   u32 recStart[records + 1]   token offsets of the records (every document offset is a record offset)
 *   u16 tokens[tokens]          rank, or 0xFFFF (OOV)
 *   (pad to 4) utf-8 words joined by "\n"
 */
export const BOWS_ASSET = 'bows-corpus.bin';
export const BROWN_ASSET = 'bows-brown.bin';
export const OOV = 0xffff;
/** Most distinct words an asset can rank (u16 ids, OOV excluded). */
export const MAX_RANKED = 60000;
const MAGIC = 'BOW2';
const HEADER = 40;

export type TokenScope = 'doc' | 'record';

export interface BowsCorpus {
  /** Words by frequency rank. */
  words: string[];
  counts: Uint32Array;
  docStart: Uint32Array;
  recStart: Uint32Array;
  tokenScope: TokenScope;
  tokens: Uint16Array;
  /** Tokens of the stripped text before stop words were dropped. */
  rawTokens: number;
  /** Characters of the stripped text. */
  rawChars: number;
  /** Tokens that are vocabulary candidates (not stop words), whether or not ranked. */
  candidateTokens: number;
}

export function encodeBowsCorpus(c: BowsCorpus): Uint8Array {
  const V = c.words.length;
  const D = c.docStart.length - 1;
  const R = c.recStart.length - 1;
  const T = c.tokens.length;
  const vocab = new TextEncoder().encode(c.words.join('\n'));
  const recOff = HEADER + 4 * V + 4 * (D + 1);
  const tokOff = recOff + 4 * (R + 1);
  const vocabOff = tokOff + 2 * T + ((2 * T) % 4);
  const out = new Uint8Array(vocabOff + vocab.length);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  [V, D, R, T, c.rawTokens, c.rawChars, vocab.length, c.candidateTokens, c.tokenScope === 'record' ? 1 : 0].forEach((v, i) =>
    view.setUint32(4 + 4 * i, v, true),
  );
  new Uint32Array(out.buffer, HEADER, V).set(c.counts);
  new Uint32Array(out.buffer, HEADER + 4 * V, D + 1).set(c.docStart);
  new Uint32Array(out.buffer, recOff, R + 1).set(c.recStart);
  new Uint16Array(out.buffer, tokOff, T).set(c.tokens);
  out.set(vocab, vocabOff);
  return out;
}

/** Offsets must start at 0, never decrease and end at `end`. */
function checkOffsets(o: Uint32Array, end: number, what: string): void {
  if (o.length < 1 || o[0] !== 0 || o[o.length - 1] !== end) throw new Error(`bows corpus asset: bad ${what} offsets`);
  for (let k = 1; k < o.length; k++) if (o[k]! < o[k - 1]!) throw new Error(`bows corpus asset: bad ${what} offsets`);
}

export function decodeBowsCorpus(buf: ArrayBuffer): BowsCorpus {
  if (buf.byteLength < HEADER) throw new Error('bows corpus asset is truncated');
  const bytes = new Uint8Array(buf);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MAGIC) throw new Error(`bows corpus asset has bad magic ${JSON.stringify(magic)} (rebuild it with \`npm run data\`)`);
  const view = new DataView(buf);
  const [V, D, R, T, rawTokens, rawChars, vocabLen, candidateTokens, scope] = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) =>
    view.getUint32(4 + 4 * i, true),
  ) as [number, number, number, number, number, number, number, number, number];
  const recOff = HEADER + 4 * V + 4 * (D + 1);
  const tokOff = recOff + 4 * (R + 1);
  const vocabOff = tokOff + 2 * T + ((2 * T) % 4);
  if (vocabOff + vocabLen !== buf.byteLength) throw new Error('bows corpus asset has an inconsistent size');
  const words = new TextDecoder().decode(bytes.subarray(vocabOff, vocabOff + vocabLen)).split('\n');
  if (words.length !== V) throw new Error('bows corpus asset vocabulary does not match its header');
  const docStart = new Uint32Array(buf.slice(HEADER + 4 * V, recOff));
  const recStart = new Uint32Array(buf.slice(recOff, tokOff));
  checkOffsets(docStart, T, 'document');
  checkOffsets(recStart, T, 'record');
  return {
    words,
    counts: new Uint32Array(buf.slice(HEADER, HEADER + 4 * V)),
    docStart,
    recStart,
    tokenScope: scope === 1 ? 'record' : 'doc',
    tokens: new Uint16Array(buf.slice(tokOff, tokOff + 2 * T)),
    rawTokens,
    rawChars,
    candidateTokens,
  };
}

/** The token offsets token windows never cross: documents, or records for a 'record'-scoped corpus. */
export function tokenSpans(c: Pick<BowsCorpus, 'docStart' | 'recStart' | 'tokenScope'>): Uint32Array {
  return c.tokenScope === 'record' ? c.recStart : c.docStart;
}

/**
 * The windows of `size` consecutive tokens (stride 1) that never cross a span boundary (`spans`:
 * token offsets) and hold at least one vocabulary word (id < V). A span shorter than `size` is one
 * window. Returns the start offsets; the window is tokens[start, min(start+size, spanEnd)).
 */
export interface Windows {
  start: Uint32Array;
  end: Uint32Array;
}

export function buildWindows(c: { docStart: Uint32Array; tokens: Uint16Array }, V: number, size: number): Windows {
  const starts: number[] = [];
  const ends: number[] = [];
  const { docStart, tokens } = c;
  for (let d = 0; d + 1 < docStart.length; d++) {
    const a = docStart[d]!;
    const b = docStart[d + 1]!;
    if (b <= a) continue;
    const last = Math.max(a, b - size);
    // Sliding count of vocabulary tokens inside the window.
    let inVocab = 0;
    const e0 = Math.min(b, a + size);
    for (let t = a; t < e0; t++) if (tokens[t]! < V) inVocab++;
    for (let s = a; s <= last; s++) {
      if (s > a) {
        if (tokens[s - 1]! < V) inVocab--;
        const add = s + size - 1;
        if (add < b && tokens[add]! < V) inVocab++;
      }
      if (inVocab > 0) {
        starts.push(s);
        ends.push(Math.min(b, s + size));
      }
    }
  }
  return { start: Uint32Array.from(starts), end: Uint32Array.from(ends) };
}

/** Distinct vocabulary ids (< V) of tokens[start, end), sorted ascending, written into `out`; returns the count. */
export function windowWords(tokens: Uint16Array, start: number, end: number, V: number, out: Int32Array): number {
  let k = 0;
  for (let t = start; t < end; t++) {
    const w = tokens[t]!;
    if (w >= V) continue;
    let dup = false;
    for (let j = 0; j < k; j++)
      if (out[j] === w) {
        dup = true;
        break;
      }
    if (!dup) out[k++] = w;
  }
  out.subarray(0, k).sort();
  return k;
}

/** Fractions of all tokens and of non-stop-word tokens whose id is a vocabulary id (< V). */
export function coverage(c: Pick<BowsCorpus, 'tokens' | 'candidateTokens'>, V: number): { ofTokens: number; ofCandidates: number } {
  let inV = 0;
  for (const t of c.tokens) if (t < V) inV++;
  return { ofTokens: inV / Math.max(1, c.tokens.length), ofCandidates: inV / Math.max(1, c.candidateTokens) };
}
