/**
 * Reads a user's matrix file in the matrix worker, after checking its size, so that neither a large
 * nor a hostile file freezes the page. One worker, started on first use.
 */
import * as Comlink from 'comlink';
import type { MatrixRead, MatrixWorkerApi } from './matrix-worker';
import { fileTooLarge } from '../data/file-size';

/** A 50,000 × 250 float64 .npy is 100 MB; CSV text of the same matrix is about twice that. */
export const MAX_MATRIX_FILE_BYTES = 256 * 1024 * 1024;

let remote: Comlink.Remote<MatrixWorkerApi> | null = null;

export async function readMatrixFile(file: File): Promise<MatrixRead> {
  const error = fileTooLarge(file, MAX_MATRIX_FILE_BYTES);
  if (error) return { error };
  remote ??= Comlink.wrap<MatrixWorkerApi>(new Worker(new URL('./matrix-worker.ts', import.meta.url), { type: 'module', name: 'matrices' }));
  return remote.readMatrix(file);
}
