/** The page's handle on the training worker. */
import * as Comlink from 'comlink';
import type { TrainerApi } from './worker-protocol';

export interface WorkerHandle {
  api: Comlink.Remote<TrainerApi>;
  terminate(): void;
}

export function startWorker(): WorkerHandle {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'trainer' });
  return { api: Comlink.wrap<TrainerApi>(worker), terminate: () => worker.terminate() };
}
