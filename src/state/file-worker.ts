/// <reference lib="webworker" />
/**
 * Reads and validates the user's files off the main thread, so that a large or hostile file never
 * freezes the page: snapshot JSON (validated completely against its lab) and activation matrices
 * (.npy / CSV). Results are plain data; matrices come back as transferred buffers.
 */
import * as Comlink from 'comlink';
import { MatrixFileError, parseMatrixFile, type Matrix } from '../data/npy';
import { readSnapshotText, type SnapshotFile } from './snapshot-file';

export type MatrixRead = { matrix: Matrix } | { error: string };

const api = {
  async readSnapshot(file: File): Promise<SnapshotFile> {
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      return { error: `${JSON.stringify(file.name.slice(0, 80))} could not be read (${err instanceof Error ? err.message : String(err)}).` };
    }
    const result = readSnapshotText(file.name, text);
    if ('error' in result) return result;
    const buffers = Object.values(result.snapshot.tensors).map((t) => t.data.buffer as ArrayBuffer);
    return Comlink.transfer(result, buffers);
  },

  async readMatrix(file: File): Promise<MatrixRead> {
    try {
      const matrix = parseMatrixFile(file.name, await file.arrayBuffer());
      return Comlink.transfer({ matrix }, [matrix.data.buffer as ArrayBuffer]);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return { error: err instanceof MatrixFileError && message.startsWith(file.name) ? message : `${file.name}: ${message}` };
    }
  },
};

export type FileWorkerApi = typeof api;

Comlink.expose(api);
