/** Runs one lab headlessly and returns the DESIGN §6 result object. */
import { nodeRunContext } from './node-context';
import { tf } from '../engine/tf';
import { trainFor } from '../engine/trainer';
import type { LabDefinition, Metrics, Params } from '../engine/lab';
import { num } from '../engine/params';
import { snapshotToJson } from './snapshot-json';
import { activateNodeBackend, type NodeBackend } from './node-backend';

export interface RunnerResult {
  lab: string;
  params: Params;
  preset?: string;
  backend: string;
  steps: number;
  seconds: number;
  finalLoss: number;
  diverged?: { step: number; reason: string };
  loss: Array<[number, number]>;
  metrics: Metrics;
  snapshot: Record<string, unknown>;
}

export async function runLab(opts: {
  lab: LabDefinition;
  params: Params;
  steps: number;
  backend?: NodeBackend;
  preset?: string;
  onProgress?: (step: number, loss: number) => void;
  /** Files the run trains on (e.g. `--corpus`). */
  userFiles?: ReadonlyArray<{ name: string; bytes: ArrayBuffer }>;
}): Promise<RunnerResult> {
  const backend = opts.backend ?? 'wasm';
  await activateNodeBackend(backend);
  const started = performance.now();
  const run = await opts.lab.createRun(opts.params, { ...nodeRunContext(num(opts.params, 'seed')), userFiles: opts.userFiles });
  try {
    const trained = await trainFor(run, opts.steps, {
      onProgress: opts.onProgress,
      weightNames: Object.keys(opts.lab.weightShapes(opts.params)),
    });
    // After a divergence the run holds its last finite restore point again: its analyses run here.
    const snapshot = await run.snapshot();
    return {
      lab: opts.lab.id,
      params: opts.params,
      ...(opts.preset ? { preset: opts.preset } : {}),
      backend: tf.getBackend(),
      steps: trained.steps,
      seconds: (performance.now() - started) / 1000,
      finalLoss: trained.finalLoss,
      ...(trained.diverged ? { diverged: { step: trained.diverged.step, reason: trained.diverged.reason } } : {}),
      loss: trained.loss,
      metrics: opts.lab.metrics(snapshot, opts.params, run.staticData),
      snapshot: snapshotToJson(snapshot),
    };
  } finally {
    run.dispose();
  }
}
