/// <reference lib="webworker" />
/** Runs UMAP (umap-js) off the main thread: rows in, 2-D embedding out, progress on the way. */
import { UMAP } from 'umap-js';
import { createRng } from '../../../engine/rng';

export interface UmapRequest {
  rows: Float32Array;
  n: number;
  dim: number;
  seed: number;
}
export type UmapReply =
  { type: 'progress'; fraction: number } | { type: 'done'; embedding: Float32Array } | { type: 'error'; message: string };

self.onmessage = (e: MessageEvent<UmapRequest>) => {
  const { rows, n, dim, seed } = e.data;
  try {
    const data: number[][] = Array.from({ length: n }, (_, i) => Array.from(rows.subarray(i * dim, (i + 1) * dim)));
    const rng = createRng(seed);
    const umap = new UMAP({ nComponents: 2, nNeighbors: 15, minDist: 0.1, nEpochs: 200, random: () => rng.next() });
    const epochs = umap.initializeFit(data);
    for (let k = 0; k < epochs; k++) {
      umap.step();
      if (k % 10 === 0) (self as DedicatedWorkerGlobalScope).postMessage({ type: 'progress', fraction: k / epochs } satisfies UmapReply);
    }
    const emb = umap.getEmbedding();
    const out = new Float32Array(n * 2);
    emb.forEach((p, i) => {
      out[2 * i] = p[0]!;
      out[2 * i + 1] = p[1]!;
    });
    (self as DedicatedWorkerGlobalScope).postMessage({ type: 'done', embedding: out } satisfies UmapReply, [out.buffer]);
  } catch (err) {
    (self as DedicatedWorkerGlobalScope).postMessage({
      type: 'error',
      message: err instanceof Error ? err.message : String(err),
    } satisfies UmapReply);
  }
};
