import type { LabDefinition, Params } from '../../engine/lab';
import { num } from '../../engine/params';
import { createToyModel } from './model';
import { superpositionParams } from './params';
import { superpositionPresets } from './presets';
import { superpositionMetrics } from './metrics';
import { phaseDiagram } from './sweep';

export function importances(n: number, r: number): number[] {
  return Array.from({ length: n }, (_, i) => r ** i);
}

export const superpositionLab: LabDefinition = {
  id: 'superposition',
  title: 'Superposition',
  summary:
    'Toy models of superposition: n sparse features squeezed into m < n dimensions arrange themselves as polytopes.',
  params: superpositionParams,
  presets: superpositionPresets,
  defaultSteps: 3000,
  benchPreset: 'decay',
  createRun(params: Params, ctx) {
    const n = num(params, 'n');
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
  loadViews: () => import('./views'),
  sweep: phaseDiagram,
};
