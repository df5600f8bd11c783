import type { z } from '../../engine/zod';
import { defineParams, enumOf, float, int, text } from '../../engine/param-schema';
import { SYNTHETIC_SHAPES } from '../../data/bows-synthetic';
import { stepEstimateHelp } from './step-estimate';

export const TEXT_DATA = ['mail', 'brown', 'own'] as const;
export const BOWS_DATA = [...TEXT_DATA, ...SYNTHETIC_SHAPES] as const;
export type BowsData = (typeof BOWS_DATA)[number];
export const isTextData = (data: string): boolean => (TEXT_DATA as readonly string[]).includes(data);

export const FORCE_MAX_WORDS = 64;
/**
 * Words typed to force into the vocabulary: at most FORCE_MAX_WORDS words of letters, digits,
 * apostrophes and hyphens, separated by spaces or commas (separators required, so matching is linear).
 */
export const FORCE_PATTERN = new RegExp(`[ ,]*(?:[A-Za-z0-9'\\-]+(?:[ ,]+[A-Za-z0-9'\\-]+){0,${FORCE_MAX_WORDS - 1}})?[ ,]*`);

/** The bows lab's parameters, declared once: the schema, the specs and the defaults derive from this. */
const params = defineParams({
  data: enumOf(BOWS_DATA, 'brown', {
    label: 'data',
    help: 'brown: the Brown corpus (500 texts of 1961 American English, paragraphs as records). mail: the SpamAssassin mail bodies (mails as records). own: your .txt files (paragraphs as records). ring, figure8, sphere, iid: the authors’ synthetic bags — n features anchored on a latent shape, each firing with probability σ(s·cos(angle to the sample’s latent point)); iid fires them independently at the same rate.',
  }),
  features: int(3, 64, 12, {
    label: 'synthetic features n',
    help: 'Number of synthetic features (12 are named after the months, 7 after the weekdays). Synthetic data only.',
  }),
  sharpness: float(0.5, 30, 10, {
    label: 'sharpness s',
    step: 0.5,
    help: 'How sharply a synthetic feature’s firing probability falls with distance on the latent shape. Synthetic data only.',
  }),
  vocab: int(50, 10000, 2000, {
    label: 'vocabulary V',
    step: 50,
    help: `The V most frequent non-stop words (case-sensitive), the months, the weekdays and the forced words always among them. Text only: synthetic data has V = n. ${stepEstimateHelp}`,
  }),
  m: int(2, 1000, 128, { label: 'latent m', log: true, help: `Latent dimensions (h = W x). ${stepEstimateHelp}` }),
  unit: enumOf(['records', 'tokens'], 'records', {
    label: 'window unit',
    help: 'records: a sample is the bag of words of W consecutive records (paragraphs, mails), as the authors sample; tokens: of W consecutive tokens. Stride 1, never across a document (a text, a mail folder, a file; a token window never leaves its mail).',
  }),
  window: int(1, 1000, 20, { label: 'window W', log: true, help: 'Records or tokens per window (see window unit).' }),
  force: text('', 400, {
    label: 'forced words',
    pattern: FORCE_PATTERN,
    help: `Words forced into the vocabulary besides the months and weekdays (space- or comma-separated, case-sensitive, at most ${FORCE_MAX_WORDS}). Text only.`,
  }),
  wd: float(0, 10, 1, { label: 'weight decay λ', step: 0.1, help: 'AdamW decoupled weight decay on W.' }),
  lr: float(1e-5, 10, 1e-2, { label: 'learning rate', log: true, help: 'Peak of the cosine schedule.' }),
  lrEnd: float(0, 1, 0.05, {
    label: 'final lr fraction',
    step: 0.01,
    help: 'The cosine schedule falls to this fraction of lr (0: to zero, as the authors).',
  }),
  horizon: int(10, 100000, 2000, { label: 'schedule steps', log: true, help: 'The cosine schedule reaches its end over this many steps.' }),
  batch: int(16, 2048, 256, { label: 'batch', log: true }),
  encoder: enumOf(['sparse', 'dense'], 'sparse', {
    label: 'encoder',
    help: 'Gather-sum of W columns (sparse) or the dense V-wide product.',
  }),
  seed: int(0, 999999, 1, { label: 'seed' }),
});

export const bowsParamSchema = params.schema;
export const bowsParams = params.specs;
export type BowsParams = z.infer<typeof bowsParamSchema>;
