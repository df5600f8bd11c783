import { superpositionManifest } from './manifest';
import type { LabDefinition, Params } from '../../engine/lab';
import { num } from '../../engine/params';
import { superpositionMetrics } from './metrics';
import { phaseDiagram } from './sweep';

export function importances(n: number, r: number): number[] {
  return Array.from({ length: n }, (_, i) => r ** i);
}

export const superpositionLab: LabDefinition = {
  ...superpositionManifest,
  async createRun(params: Params, ctx) {
    const n = num(params, 'n');
    // The model (and tfjs) loads here, in the worker or the runner, never on the page's main thread.
    const { createToyModel } = await import('../../nn/toy-model');
    return createToyModel(
      {
        models: 1,
        n,
        m: num(params, 'm'),
        batch: num(params, 'batch'),
        lr: num(params, 'lr'),
        sparsity: [num(params, 'sparsity')],
        importance: [importances(n, num(params, 'importance'))],
      },
      ctx.rng,
    );
  },
  metrics: (snapshot) => superpositionMetrics(snapshot),
  sweep: phaseDiagram,
};
