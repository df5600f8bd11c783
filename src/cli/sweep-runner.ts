/** Runs a lab's sweep headlessly (`--mode sweep`) and returns its result object. */
import { nodeRunContext } from './node-context';
import { tf } from '../engine/tf';
import type { LabDefinition, Metrics, Params } from '../engine/lab';
import { num } from '../engine/params';
import type { SweepResult } from '../engine/sweep';
import { activateNodeBackend, type NodeBackend } from './node-backend';

export interface SweepRunnerResult {
  lab: string;
  mode: 'sweep';
  params: Params;
  preset?: string;
  backend: string;
  /** Training steps of every model in the sweep. */
  steps: number;
  seconds: number;
  /** The lab's summary of the sweep (its `sweep.metrics`), or {} when it has none. */
  metrics: Metrics;
  sweep: SweepResult;
}

export async function runLabSweep(opts: {
  lab: LabDefinition;
  params: Params;
  steps: number;
  backend?: NodeBackend;
  preset?: string;
  onProgress?: (fraction: number) => void;
}): Promise<SweepRunnerResult> {
  const spec = opts.lab.sweep;
  if (!spec) throw new Error(`${opts.lab.id} has no sweep`);
  await activateNodeBackend(opts.backend ?? 'wasm');
  const started = performance.now();
  const sweep = await spec.run(opts.params, nodeRunContext(num(opts.params, 'seed')), opts.onProgress ?? (() => {}), opts.steps);
  return {
    lab: opts.lab.id,
    mode: 'sweep',
    params: opts.params,
    ...(opts.preset ? { preset: opts.preset } : {}),
    backend: tf.getBackend(),
    steps: opts.steps,
    seconds: (performance.now() - started) / 1000,
    metrics: spec.metrics ? spec.metrics(sweep) : {},
    sweep,
  };
}
