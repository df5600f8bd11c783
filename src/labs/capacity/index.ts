import { capacityManifest } from './manifest';
import type { LabDefinition, Params } from '../../engine/lab';
import { num } from '../../engine/params';
import { capacityMetrics } from './metrics';
import { importances, inputSetting, modelKind } from './config';
import { kurtosisSweep } from './sweep';

export const capacityLab: LabDefinition = {
  ...capacityManifest,
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
  sweep: kurtosisSweep,
};
