/**
 * The user's own text (.txt files dropped in the page or `--corpus` to the runner) as a packed
 * corpus: each file a document, each paragraph a record. Checked before anything is kept: the
 * size from the file's length (before reading, by the caller too), empty files, binary files, and
 * text without a single word are refused with a message that names the file.
 */
import type { BowsCorpus } from '../../data/bows-corpus';
import { CorpusPacker } from '../../data/bows-pack';
import { isVocabCandidate, tokenize } from '../../data/corpus-mail';
import { looksLikeText, paragraphs } from '../../data/corpus-text';
import { MONTHS, WEEKDAYS } from './analysis';
import { isZipName, unzipTextFiles, zipTextEntries } from '../../data/zip-text';

import { MAX_CORPUS_BYTES } from './constants';
export { MAX_CORPUS_BYTES };
export const MAX_CORPUS_FILES = 100;
/** Most text files once .zip archives are opened. */
export const MAX_CORPUS_TEXTS = 10000;

export interface CorpusFile {
  name: string;
  bytes: ArrayBuffer;
}

const show = (name: string) => JSON.stringify(name.length > 60 ? `${name.slice(0, 60)}…` : name);

/** The problem with a set of files by name and size alone, or null. */
export function corpusSizeProblem(files: ReadonlyArray<{ name: string; size: number }>, maxFiles = MAX_CORPUS_FILES): string | null {
  if (files.length === 0) return 'no corpus file was given: choose one or more .txt files';
  if (files.length > maxFiles) return `${files.length} files: at most ${maxFiles} at once`;
  const total = files.reduce((s, f) => s + f.size, 0);
  if (total > MAX_CORPUS_BYTES)
    return `the files hold ${(total / 1024 / 1024).toFixed(0)} MB; the limit is ${MAX_CORPUS_BYTES / 1024 / 1024} MB in all`;
  for (const f of files) if (f.size === 0) return `${show(f.name)} is empty`;
  return null;
}

/** Why these files cannot be a corpus (too many or too large, empty, binary, no word at the start), or null; cheap. */
export function checkCorpusFiles(files: readonly CorpusFile[]): string | null {
  const problem = corpusSizeProblem(files.map((f) => ({ name: f.name, size: f.bytes.byteLength })));
  if (problem) return problem;
  for (const f of files) {
    if (isZipName(f.name)) {
      try {
        if (zipTextEntries(f.bytes, MAX_CORPUS_BYTES).length === 0) return `${show(f.name)} holds no .txt file`;
      } catch (err) {
        return `${show(f.name)} ${err instanceof Error ? err.message : String(err)}`;
      }
      continue;
    }
    const head = new Uint8Array(f.bytes, 0, Math.min(f.bytes.byteLength, 1 << 20));
    if (!looksLikeText(head)) return `${show(f.name)} is not text (binary bytes); give plain .txt files`;
    if (tokenize(new TextDecoder('utf-8').decode(head)).length === 0) return `${show(f.name)} holds no words`;
  }
  return null;
}

/** The files with every .zip replaced by its .txt files (declared sizes checked before inflating). */
export async function expandArchives(files: readonly CorpusFile[]): Promise<CorpusFile[]> {
  const out: CorpusFile[] = [];
  // What the archives may inflate to: the limit less the plain files and what earlier archives gave.
  let budget = MAX_CORPUS_BYTES - files.filter((f) => !isZipName(f.name)).reduce((s, f) => s + f.bytes.byteLength, 0);
  for (const f of files) {
    if (!isZipName(f.name)) {
      out.push(f);
      continue;
    }
    try {
      const texts = await unzipTextFiles(f.name, f.bytes, Math.max(0, budget));
      budget -= texts.reduce((s, t) => s + t.bytes.byteLength, 0);
      out.push(...texts);
    } catch (err) {
      throw new Error(`${show(f.name)} ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return out;
}

export function packOwnCorpus(files: readonly CorpusFile[], onProgress?: (done: number) => void): BowsCorpus {
  const problem = corpusSizeProblem(
    files.map((f) => ({ name: f.name, size: f.bytes.byteLength })),
    MAX_CORPUS_TEXTS,
  );
  if (problem) throw new Error(problem);
  const packer = new CorpusPacker(isVocabCandidate, 'doc');
  const total = files.reduce((s, f) => s + f.bytes.byteLength, 0);
  let done = 0;
  for (const f of files) {
    const bytes = new Uint8Array(f.bytes);
    if (!looksLikeText(bytes)) throw new Error(`${show(f.name)} is not text (binary bytes); give plain .txt files`);
    const before = packer.tokens;
    packer.startDocument();
    for (const p of paragraphs(new TextDecoder('utf-8').decode(bytes))) packer.addRecord(tokenize(p), p.length);
    if (packer.tokens === before) throw new Error(`${show(f.name)} holds no words`);
    done += bytes.length;
    onProgress?.(done / total);
  }
  return packer.finish([...MONTHS, ...WEEKDAYS]);
}
