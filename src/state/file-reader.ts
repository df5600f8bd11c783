/**
 * The page's side of the file worker: checks a file's size before anything reads it, then hands
 * the File (not its bytes) to the worker. One worker, started on first use.
 */
import * as Comlink from 'comlink';
import type { FileWorkerApi, MatrixRead } from './file-worker';
import { MAX_SNAPSHOT_FILE_BYTES, type SnapshotFile } from './snapshot-file';

/** Activation matrices: a 50,000 × 250 float64 .npy is 100 MB; CSV text of that size is larger. */
export const MAX_MATRIX_FILE_BYTES = 256 * 1024 * 1024;

let remote: Comlink.Remote<FileWorkerApi> | null = null;

function fileWorker(): Comlink.Remote<FileWorkerApi> {
  remote ??= Comlink.wrap<FileWorkerApi>(new Worker(new URL('./file-worker.ts', import.meta.url), { type: 'module', name: 'files' }));
  return remote;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

function tooLarge(file: File, limit: number): string | null {
  return file.size > limit ? `${JSON.stringify(file.name.slice(0, 80))} is ${megabytes(file.size)}; the limit is ${megabytes(limit)}.` : null;
}

export async function readSnapshotFile(file: File): Promise<SnapshotFile> {
  const error = tooLarge(file, MAX_SNAPSHOT_FILE_BYTES);
  if (error) return { error };
  return fileWorker().readSnapshot(file);
}

export async function readMatrixFile(file: File): Promise<MatrixRead> {
  const error = tooLarge(file, MAX_MATRIX_FILE_BYTES);
  if (error) return { error };
  return fileWorker().readMatrix(file);
}
