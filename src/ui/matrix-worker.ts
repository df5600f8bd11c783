/// <reference lib="webworker" />
/** Parses the user's activation matrices (.npy / CSV) off the main thread; the values come back transferred. */
import * as Comlink from 'comlink';
import { parseMatrixFile, type Matrix } from '../data/npy';

export type MatrixRead = { matrix: Matrix } | { error: string };

const api = {
  async readMatrix(file: File): Promise<MatrixRead> {
    try {
      const matrix = parseMatrixFile(file.name, await file.arrayBuffer());
      return Comlink.transfer({ matrix }, [matrix.data.buffer as ArrayBuffer]);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return { error: message.startsWith(`${file.name}:`) ? message : `${file.name}: ${message}` };
    }
  },
};

export type MatrixWorkerApi = typeof api;

Comlink.expose(api);
