/** The bows lab's manifest: what the page needs to list, link and control it (engine/lab.ts). */
import type { LabManifest } from '../../engine/lab';
import type { Params } from '../../engine/lab';
import { num, str } from '../../engine/params';
import { parseWordList } from '../../data/bows-vocab';
import { bowsParamSchema, bowsParams, FORCE_MAX_WORDS, isTextData } from './params';
import { bowsPresets } from './presets';
import { bowsViewParamSchema, bowsViewParams } from './view-params';
import { MAX_CORPUS_BYTES } from './constants';
import { bowsEffect } from './effect';

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

export const bowsManifest: LabManifest = {
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
  viewIds: [
    'bows-gram',
    'bows-map',
    'bows-pmi',
    'bows-cycles',
    'bows-cycle-data-months',
    'bows-cycles-weekdays',
    'bows-cycle-data-weekdays',
    'bows-recon',
    'bows-own',
    'loss',
  ],
  benchPreset: 'small-vocab',
  effect: bowsEffect,
  weightShapes: (params) => {
    forcedWords(params);
    return { W: [num(params, 'm'), vocabOf(params)], b: [1, vocabOf(params)] };
  },
  loadViews: () => import('./views'),
  trainingFiles: { flag: 'corpus', maxBytes: MAX_CORPUS_BYTES, params: { data: 'own' } },
};
