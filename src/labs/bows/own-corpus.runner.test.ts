import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABS } from '../registry';
import { parseArgs } from '../../cli/args';
import { runLab } from '../../cli/runner';
import { readTrainingFiles } from '../../cli/training-files';
import { bowsLab } from '.';
import { checkCorpusFiles, corpusSizeProblem, MAX_CORPUS_BYTES, packOwnCorpus } from './own-corpus';
import { makeZip } from '../../data/zip-test-kit';

const FIXTURE = resolve(__dirname, 'fixtures/months.txt');
const extra = () => ['corpus'];

interface OwnMetrics {
  monthsInVocab: number;
  dataCycleOrderScore: number;
  corpus: { docs: number; records: number; windows: number };
}

describe('bows on your own text (--corpus)', () => {
  it('tokenises, windows (3 paragraphs) and trains on a bundled .txt, months forced in', async () => {
    const opts = parseArgs(
      ['bows', '--data', 'own', '--vocab', '50', '--m', '8', '--window', '3', '--horizon', '60', '--steps', '60', '--corpus', FIXTURE],
      LABS,
      extra,
    );
    const userFiles = readTrainingFiles('corpus', opts.extra.corpus!, bowsLab.trainingFiles!.maxBytes);
    const result = await runLab({ lab: bowsLab, params: opts.params, steps: opts.steps, userFiles });
    const m = result.metrics as unknown as OwnMetrics;
    expect(result.steps).toBe(60);
    expect(m.corpus.docs).toBe(1);
    expect(m.corpus.records).toBe(36);
    expect(m.corpus.windows).toBe(34);
    expect(m.monthsInVocab).toBe(12);
    // The fixture names each month beside its neighbours: the data alone closes the ring.
    expect(m.dataCycleOrderScore).toBe(1);
    expect(result.loss.at(-1)![1]).toBeLessThan(result.loss[0]![1]);
    expect((result.snapshot.W as number[][])[0]).toHaveLength(50);
  });

  it('opens a .zip of .txt files (the fixture twice: two documents)', async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'bows-zip-'));
    const zip = join(dir, 'texts.zip');
    writeFileSync(
      zip,
      Buffer.from(
        makeZip([
          { name: 'a.txt', text },
          { name: 'b/c.txt', text, method: 0 },
          { name: 'x.png', text: 'no' },
        ]),
      ),
    );
    const opts = parseArgs(
      ['bows', '--data', 'own', '--vocab', '50', '--m', '8', '--window', '3', '--steps', '5', '--corpus', zip],
      LABS,
      extra,
    );
    const userFiles = readTrainingFiles('corpus', opts.extra.corpus!, MAX_CORPUS_BYTES);
    expect(checkCorpusFiles(userFiles)).toBeNull();
    const result = await runLab({ lab: bowsLab, params: opts.params, steps: opts.steps, userFiles });
    const m = result.metrics as unknown as OwnMetrics;
    expect(m.corpus.docs).toBe(2);
    expect(m.corpus.records).toBe(72);
    expect(m.corpus.windows).toBe(68);
    const empty = [{ name: 'none.zip', bytes: makeZip([{ name: 'x.png', text: 'no' }]) }];
    expect(checkCorpusFiles(empty)).toMatch(/"none.zip" holds no .txt file/);
    expect(checkCorpusFiles([{ name: 'fake.zip', bytes: new TextEncoder().encode('hello').buffer }])).toMatch(
      /"fake.zip" is not a zip archive/,
    );
  });

  it('refuses empty, binary, oversized and missing input with a message that names it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bows-own-'));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const binary = join(dir, 'photo.txt');
    writeFileSync(binary, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]));
    const files = (path: string) => readTrainingFiles('corpus', path, MAX_CORPUS_BYTES);
    expect(() => packOwnCorpus(files(empty))).toThrow(/"empty.txt" is empty/);
    expect(() => packOwnCorpus(files(binary))).toThrow(/"photo.txt" is not text/);
    expect(() => readTrainingFiles('corpus', `${FIXTURE},${FIXTURE}`, 10_000)).toThrow(/more than .* MB/);
    expect(() => files(join(dir, 'nope.txt'))).toThrow(/nope.txt/);
    expect(() => files(dir)).toThrow(/not a regular file/);
    expect(corpusSizeProblem([{ name: 'big.txt', size: MAX_CORPUS_BYTES + 1 }])).toMatch(/limit is 200 MB/);
    expect(() => packOwnCorpus([])).toThrow(/no corpus file/);
  });

  it('says what is wrong with a vocabulary larger than the text, or forced words that do not parse', async () => {
    const opts = parseArgs(['bows', '--data', 'own', '--vocab', '5000', '--corpus', FIXTURE], LABS, extra);
    const userFiles = readTrainingFiles('corpus', opts.extra.corpus!, MAX_CORPUS_BYTES);
    await expect(runLab({ lab: bowsLab, params: opts.params, steps: 1, userFiles })).rejects.toThrow(
      /exceeds the corpus's \d+ distinct words/,
    );
    expect(() => parseArgs(['bows', '--force', 'a<b'], LABS)).toThrow(/force/);
    expect(() => parseArgs(['bows', '--force', Array.from({ length: 65 }, (_, i) => `w${i}`).join(' ')], LABS)).toThrow(
      /--force .* is malformed/,
    );
    const ok = parseArgs(['bows', '--force', Array.from({ length: 64 }, (_, i) => `w${i}`).join(', ')], LABS);
    expect(String(ok.params.force).split(', ')).toHaveLength(64);
  });
});
