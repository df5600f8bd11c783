import type { LabDefinition, Params } from '../../engine/lab';
import { num } from '../../engine/params';
import { capacityParamSchema, capacityParams } from './params';
import { capacityPresets } from './presets';
import { capacityMetrics } from './metrics';
import { importances, inputSetting, modelKind } from './config';
import { kurtosisSweep } from './sweep';
import { capacityViewParamSchema, capacityViewParams } from './view-params';

export const capacityLab: LabDefinition = {
  id: 'capacity',
  title: 'Capacity',
  summary:
    'Polysemanticity and capacity: how a model with fewer dimensions than features shares them out, and how input kurtosis makes neurons polysemantic.',
  paramSchema: capacityParamSchema,
  params: capacityParams,
  viewParamSchema: capacityViewParamSchema,
  viewParams: capacityViewParams,
  presets: capacityPresets,
  defaultSteps: 3000,
  viewIds: ['capacity', 'blocks', 'marginal', 'total', 'sweep', 'loss'],
  benchPreset: 'regimes',
  weightShapes: (params) => ({
    W: [1, num(params, 'm'), num(params, 'n')],
    b: [1, 1, modelKind(params) === 'relu' ? num(params, 'n') : 1],
  }),
  async createRun(params: Params, ctx) {
    // The models (and tfjs) load here, in the worker or the runner, never on the page's main thread.
    const [{ createToyModel }, { createQuadraticModel }] = await Promise.all([import('../../nn/toy-model'), import('./model')]);
    const n = num(params, 'n');
    const common = { models: 1, n, m: num(params, 'm'), batch: num(params, 'batch'), lr: num(params, 'lr') };
    const importance = [importances(n, num(params, 'importance'))];
    const setting = inputSetting(params);
    if (modelKind(params) === 'relu') return createToyModel({ ...common, sparsity: [setting.shape], importance }, ctx.rng);
    return createQuadraticModel({ ...common, inputs: [setting], importance }, ctx.rng);
  },
  metrics: capacityMetrics,
  loadViews: () => import('./views'),
  sweep: kurtosisSweep,
};
