/** The page's handle on the training worker. */
import * as Comlink from 'comlink';
import type { TrainerApi } from './worker-protocol';

export interface WorkerHandle {
  api: Comlink.Remote<TrainerApi>;
  terminate(): void;
}

/** Wraps a started trainer worker (see labs/trainer-worker.ts for the entry point that serves it). */
export function startWorker(worker: Worker): WorkerHandle {
  return { api: Comlink.wrap<TrainerApi>(worker), terminate: () => worker.terminate() };
}
