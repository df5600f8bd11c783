import type { LabDefinition, Params } from '../../engine/lab';
import { num, str } from '../../engine/params';
import { bowsParams } from './params';
import { bowsPresets } from './presets';
import { bowsMetrics } from './metrics';
import type { Encoder } from './model';
import { corpusStats, loadCorpus, textSource } from './corpus-stats';
import { bowsViewParams } from './view-params';
import { syntheticSource } from './synthetic-source';
import type { BowsSource } from './source';
import type { SyntheticShape } from '../../data/bows-synthetic';

/** Vocabulary size for these params: the corpus vocabulary, or the number of synthetic features. */
export function vocabOf(params: Params): number {
  return str(params, 'data') === 'mail' ? num(params, 'vocab') : num(params, 'features');
}

async function sourceOf(params: Params, loadAsset: (name: string) => Promise<ArrayBuffer>): Promise<BowsSource> {
  const data = str(params, 'data');
  if (data !== 'mail') return syntheticSource({ shape: data as SyntheticShape, features: num(params, 'features'), sharpness: num(params, 'sharpness') });
  return textSource(corpusStats(await loadCorpus(loadAsset), num(params, 'vocab'), num(params, 'window')));
}

export const bowsLab: LabDefinition = {
  id: 'bows',
  title: 'Bag-of-words superposition',
  summary:
    'Binary bags of words (windows of real mail, or the authors’ synthetic ring) squeezed into m ≪ V dimensions: with weight decay, words that co-occur interfere constructively, and features on a ring close into a ring.',
  params: bowsParams,
  viewParams: bowsViewParams,
  presets: bowsPresets,
  defaultSteps: 2000,
  benchPreset: 'small-vocab',
  weightShapes: (params) => ({ W: [num(params, 'm'), vocabOf(params)], b: [1, vocabOf(params)] }),
  async createRun(params: Params, ctx) {
    const source = await sourceOf(params, ctx.loadAsset);
    const V = source.V;
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
      source,
      ctx.rng,
    );
  },
  metrics: (snapshot) => bowsMetrics(snapshot),
  loadViews: () => import('./views'),
};
