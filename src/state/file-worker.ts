/// <reference lib="webworker" />
/**
 * Reads and validates snapshot files off the main thread, so that a large or hostile file never
 * freezes the page; the weights come back as transferred buffers.
 */
import * as Comlink from 'comlink';
import { readSnapshotText, type SnapshotFile } from './snapshot-file';

const api = {
  async readSnapshot(file: File): Promise<SnapshotFile> {
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      return {
        error: `${JSON.stringify(file.name.slice(0, 80))} could not be read (${err instanceof Error ? err.message : String(err)}).`,
      };
    }
    const result = readSnapshotText(file.name, text);
    if ('error' in result) return result;
    const buffers = Object.values(result.snapshot.weights).map((t) => t.data.buffer as ArrayBuffer);
    return Comlink.transfer(result, buffers);
  },
};

export type FileWorkerApi = typeof api;

Comlink.expose(api);
