/**
 * Reads the files a run trains on (`--corpus a.txt,b.txt`): every path must be a readable regular
 * file, and the sizes (taken from the file system before anything is read) must fit the lab's
 * limit, all files together.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { UsageError } from './args';

export interface TrainingFile {
  name: string;
  bytes: ArrayBuffer;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

export function readTrainingFiles(flag: string, list: string, maxBytes: number): TrainingFile[] {
  const paths = list
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (paths.length === 0) throw new UsageError(`--${flag} needs one or more file paths, separated by commas`);
  let total = 0;
  for (const path of paths) {
    let size: number;
    try {
      const st = statSync(path);
      if (!st.isFile()) throw new Error('not a regular file');
      size = st.size;
    } catch (err) {
      throw new UsageError(`--${flag} ${JSON.stringify(path)}: ${err instanceof Error ? err.message : String(err)}`);
    }
    total += size;
    if (total > maxBytes) throw new UsageError(`--${flag}: the files hold more than ${mb(maxBytes)} (the limit, all files together)`);
  }
  return paths.map((path) => {
    const buf = readFileSync(path);
    return { name: basename(path), bytes: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) };
  });
}
