import type { LabDefinition, Params } from '../../engine/lab';
import { num } from '../../engine/params';
import { superpositionParamSchema, superpositionParams } from './params';
import { superpositionPresets } from './presets';
import { superpositionMetrics } from './metrics';
import { phaseDiagram } from './sweep';
import { superpositionViewParamSchema, superpositionViewParams } from './view-params';

export function importances(n: number, r: number): number[] {
  return Array.from({ length: n }, (_, i) => r ** i);
}

export const superpositionLab: LabDefinition = {
  id: 'superposition',
  title: 'Superposition',
  summary:
    'Toy models of superposition: n sparse features squeezed into m < n dimensions arrange themselves as polytopes.',
  paramSchema: superpositionParamSchema,
  params: superpositionParams,
  viewParamSchema: superpositionViewParamSchema,
  viewParams: superpositionViewParams,
  presets: superpositionPresets,
  defaultSteps: 3000,
  viewIds: ['arrows', 'gram', 'dimensionality', 'loss', 'phase'],
  benchPreset: 'decay',
  weightShapes: (params) => ({ W: [1, num(params, 'm'), num(params, 'n')], b: [1, 1, num(params, 'n')] }),
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
  loadViews: () => import('./views'),
  sweep: phaseDiagram,
};
