import type { LabDefinition, Params } from '../../engine/lab';
import { num, str } from '../../engine/params';
import { bowsParamSchema, bowsParams, FORCE_MAX_WORDS, isTextData } from './params';
import { bowsPresets } from './presets';
import { bowsMetrics } from './metrics';
import type { Encoder } from './model';
import { corpusStats, textSource, type WindowUnit } from './corpus-stats';
import { CORPUS_ASSETS, loadCorpus } from './corpus-load';
import { checkCorpusFiles, expandArchives, MAX_CORPUS_BYTES, packOwnCorpus } from './own-corpus';
import { bowsViewParamSchema, bowsViewParams } from './view-params';
import { syntheticSource } from './synthetic-source';
import type { BowsSource } from './source';
import type { SyntheticShape } from '../../data/bows-synthetic';
import { parseWordList } from '../../data/bows-vocab';
import type { BowsCorpus } from '../../data/bows-corpus';

/** Vocabulary size for these params: the corpus vocabulary, or the number of synthetic features. */
export function vocabOf(params: Params): number {
  return isTextData(str(params, 'data')) ? num(params, 'vocab') : num(params, 'features');
}

/** The forced words of these params (validated by the codec's pattern; at most FORCE_MAX_WORDS). */
export function forcedWords(params: Params): string[] {
  const words = parseWordList(str(params, 'force'));
  if (words.length > FORCE_MAX_WORDS) throw new Error(`${words.length} forced words; at most ${FORCE_MAX_WORDS}`);
  return words;
}

async function corpusOf(params: Params, ctx: Parameters<LabDefinition['createRun']>[1]): Promise<BowsCorpus> {
  const data = str(params, 'data');
  if (data === 'own') return packOwnCorpus(await expandArchives(ctx.userFiles ?? []), (f) => ctx.progress?.('tokenising your text', f < 1 ? f : 0.999));
  return loadCorpus(ctx.loadAsset, CORPUS_ASSETS[data as 'mail' | 'brown']);
}

async function sourceOf(params: Params, ctx: Parameters<LabDefinition['createRun']>[1]): Promise<BowsSource> {
  const data = str(params, 'data');
  if (!isTextData(data)) return syntheticSource({ shape: data as SyntheticShape, features: num(params, 'features'), sharpness: num(params, 'sharpness') });
  const corpus = await corpusOf(params, ctx);
  if (data === 'own') ctx.progress?.('counting windows', 0.999);
  const stats = corpusStats(corpus, { V: num(params, 'vocab'), unit: str(params, 'unit') as WindowUnit, window: num(params, 'window'), force: forcedWords(params) });
  if (data === 'own') ctx.progress?.('counting windows', 1);
  return textSource(stats);
}

export const bowsLab: LabDefinition = {
  id: 'bows',
  title: 'Bag-of-words superposition',
  summary:
    'Binary bags of words (windows of consecutive paragraphs or mails of real text, your own text, or the authors’ synthetic ring) squeezed into m ≪ V dimensions: with weight decay, words that co-occur interfere constructively, and features on a ring close into a ring.',
  paramSchema: bowsParamSchema,
  params: bowsParams,
  viewParamSchema: bowsViewParamSchema,
  viewParams: bowsViewParams,
  presets: bowsPresets,
  defaultSteps: 2000,
  viewIds: ['bows-gram', 'bows-map', 'bows-pmi', 'bows-cycles', 'bows-cycle-data-months', 'bows-cycles-weekdays', 'bows-cycle-data-weekdays', 'bows-recon', 'bows-own', 'loss'],
  benchPreset: 'small-vocab',
  weightShapes: (params) => {
    forcedWords(params);
    return { W: [num(params, 'm'), vocabOf(params)], b: [1, vocabOf(params)] };
  },
  async createRun(params: Params, ctx) {
    const source = await sourceOf(params, ctx);
    const V = source.V;
    // The model (and tfjs) loads here, in the worker or the runner, never on the page's main thread.
    const { createBowsModel } = await import('./model');
    return createBowsModel(
      {
        V,
        m: num(params, 'm'),
        batch: num(params, 'batch'),
        lr: num(params, 'lr'),
        lrEnd: num(params, 'lrEnd'),
        weightDecay: num(params, 'wd'),
        horizon: num(params, 'horizon'),
        encoder: str(params, 'encoder') as Encoder,
      },
      source,
      ctx.rng,
    );
  },
  metrics: (snapshot, _params, staticData) => bowsMetrics(snapshot, staticData),
  loadViews: () => import('./views'),
  trainingFiles: { flag: 'corpus', maxBytes: MAX_CORPUS_BYTES, check: checkCorpusFiles, params: { data: 'own' } },
};
