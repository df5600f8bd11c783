import type { LabDefinition, Params } from '../../engine/lab';
import { num } from '../../engine/params';
import { createToyModel } from '../superposition/model';
import { createQuadraticModel } from './model';
import { capacityParams } from './params';
import { capacityPresets } from './presets';
import { capacityMetrics } from './metrics';
import { importances, inputSetting, modelKind } from './config';
import { kurtosisSweep } from './sweep';

export const capacityLab: LabDefinition = {
  id: 'capacity',
  title: 'Capacity',
  summary:
    'Polysemanticity and capacity: how a model with fewer dimensions than features shares them out, and how input kurtosis makes neurons polysemantic.',
  params: capacityParams,
  presets: capacityPresets,
  defaultSteps: 3000,
  benchPreset: 'regimes',
  createRun(params: Params, ctx) {
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
