import type { LabDefinition, Params } from '../../engine/lab';
import { num } from '../../engine/params';
import { pcaParamSchema, pcaParams } from './params';
import { pcaViewParamSchema, pcaViewParams } from './view-params';
import { pcaPresets } from './presets';
import { pcaMetrics } from './metrics';
import { drawDistribution } from './data';

export const pcaLab: LabDefinition = {
  id: 'pca',
  title: 'Linear autoencoder ↔ PCA',
  summary:
    'A linear autoencoder with a k-dim bottleneck, trained by gradient descent, finds the top-k principal subspace of its data (Baldi & Hornik 1989): the known answer, measured.',
  paramSchema: pcaParamSchema,
  params: pcaParams,
  viewParamSchema: pcaViewParamSchema,
  viewParams: pcaViewParams,
  presets: pcaPresets,
  defaultSteps: 2000,
  viewIds: ['alignment', 'optimum', 'captured', 'loss'],
  benchPreset: 'top-3',
  weightShapes: (params) => ({ W1: [num(params, 'k'), num(params, 'd')], W2: [num(params, 'd'), num(params, 'k')] }),
  async createRun(params: Params, ctx) {
    // The model (and tfjs) loads here, in the worker or the runner, never on the page's main thread.
    const { createPcaModel } = await import('./model');
    const d = num(params, 'd');
    const data = drawDistribution(d, num(params, 'r'), ctx.rng);
    const cfg = { d, k: num(params, 'k'), samples: num(params, 'samples'), batch: num(params, 'batch'), lr: num(params, 'lr') };
    return createPcaModel(cfg, data, ctx.rng);
  },
  metrics: pcaMetrics,
  loadViews: () => import('./views'),
};
