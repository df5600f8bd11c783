import type { LabDefinition, Params } from '../../engine/lab';
import { num, str } from '../../engine/params';
import { bowsParams } from './params';
import { bowsPresets } from './presets';
import { bowsMetrics } from './metrics';
import type { Encoder } from './model';
import { corpusStats, loadCorpus } from './corpus-stats';
import { bowsViewParams } from './view-params';

export const bowsLab: LabDefinition = {
  id: 'bows',
  title: 'Bag-of-words superposition',
  summary:
    'Binary bags of words from 20-token windows of real mail squeezed into m ≪ V dimensions: with weight decay, words that co-occur interfere constructively.',
  params: bowsParams,
  viewParams: bowsViewParams,
  presets: bowsPresets,
  defaultSteps: 2000,
  benchPreset: 'small-vocab',
  weightShapes: (params) => ({ W: [num(params, 'm'), num(params, 'vocab')], b: [1, num(params, 'vocab')] }),
  async createRun(params: Params, ctx) {
    const corpus = await loadCorpus(ctx.loadAsset);
    const V = num(params, 'vocab');
    const stats = corpusStats(corpus, V, num(params, 'window'));
    // The model (and tfjs) loads here, in the worker or the runner, never on the page's main thread.
    const { createBowsModel } = await import('./model');
    return createBowsModel(
      {
        V,
        m: num(params, 'm'),
        batch: num(params, 'batch'),
        lr: num(params, 'lr'),
        weightDecay: num(params, 'wd'),
        horizon: num(params, 'horizon'),
        encoder: str(params, 'encoder') as Encoder,
      },
      stats,
      ctx.rng,
    );
  },
  metrics: (snapshot) => bowsMetrics(snapshot),
  loadViews: () => import('./views'),
};
