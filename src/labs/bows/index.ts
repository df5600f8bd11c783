import { bowsManifest, forcedWords, vocabOf } from './manifest';
export { forcedWords, vocabOf };
import type { LabDefinition, Params } from '../../engine/lab';
import { num, str } from '../../engine/params';
import { isTextData } from './params';
import { bowsMetrics } from './metrics';
import type { Encoder } from './model';
import { corpusStats, textSource, type WindowUnit } from './corpus-stats';
import { CORPUS_ASSETS, loadCorpus } from './corpus-load';
import { checkCorpusFiles, expandArchives, packOwnCorpus } from './own-corpus';
import { syntheticSource } from './synthetic-source';
import type { BowsSource } from './source';
import type { SyntheticShape } from '../../data/bows-synthetic';
import type { BowsCorpus } from '../../data/bows-corpus';

async function corpusOf(params: Params, ctx: Parameters<LabDefinition['createRun']>[1]): Promise<BowsCorpus> {
  const data = str(params, 'data');
  if (data === 'own')
    return packOwnCorpus(await expandArchives(ctx.userFiles ?? []), (f) => ctx.progress?.('tokenising your text', f < 1 ? f : 0.999));
  return loadCorpus(ctx.loadAsset, CORPUS_ASSETS[data as 'mail' | 'brown']);
}

async function sourceOf(params: Params, ctx: Parameters<LabDefinition['createRun']>[1]): Promise<BowsSource> {
  const data = str(params, 'data');
  if (!isTextData(data))
    return syntheticSource({ shape: data as SyntheticShape, features: num(params, 'features'), sharpness: num(params, 'sharpness') });
  const corpus = await corpusOf(params, ctx);
  if (data === 'own') ctx.progress?.('counting windows', 0.999);
  const stats = corpusStats(corpus, {
    V: num(params, 'vocab'),
    unit: str(params, 'unit') as WindowUnit,
    window: num(params, 'window'),
    force: forcedWords(params),
  });
  if (data === 'own') ctx.progress?.('counting windows', 1);
  return textSource(stats);
}

export const bowsLab: LabDefinition = {
  ...bowsManifest,
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
  checkTrainingFiles: checkCorpusFiles,
};
