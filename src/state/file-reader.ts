/**
 * The page's side of the file worker: checks a file's size before anything reads it, then hands
 * the File (not its bytes) to the worker. One worker, started on first use.
 */
import * as Comlink from 'comlink';
import type { FileWorkerApi } from './file-worker';
import { MAX_SNAPSHOT_FILE_BYTES, type SnapshotFile } from './snapshot-file';
import { fileTooLarge } from '../data/file-size';

let remote: Comlink.Remote<FileWorkerApi> | null = null;

function fileWorker(): Comlink.Remote<FileWorkerApi> {
  remote ??= Comlink.wrap<FileWorkerApi>(new Worker(new URL('./file-worker.ts', import.meta.url), { type: 'module', name: 'files' }));
  return remote;
}

export async function readSnapshotFile(file: File): Promise<SnapshotFile> {
  const error = fileTooLarge(file, MAX_SNAPSHOT_FILE_BYTES);
  if (error) return { error };
  return fileWorker().readSnapshot(file);
}
