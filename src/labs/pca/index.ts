import type { LabDefinition, Params } from '../../engine/lab';
import { num } from '../../engine/params';
import { pcaManifest } from './manifest';
import { pcaMetrics } from './metrics';
import { drawDistribution } from './data';

export const pcaLab: LabDefinition = {
  ...pcaManifest,
  async createRun(params: Params, ctx) {
    // The model (and tfjs) loads here, in the worker or the runner, never on the page's main thread.
    const { createPcaModel } = await import('./model');
    const d = num(params, 'd');
    const data = drawDistribution(d, num(params, 'r'), ctx.rng);
    const cfg = { d, k: num(params, 'k'), samples: num(params, 'samples'), batch: num(params, 'batch'), lr: num(params, 'lr') };
    return createPcaModel(cfg, data, ctx.rng);
  },
  metrics: pcaMetrics,
};
