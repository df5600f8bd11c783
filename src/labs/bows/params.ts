import type { ParamSpec } from '../../engine/lab';
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

export const bowsParams: readonly ParamSpec[] = [
  {
    key: 'data',
    label: 'data',
    kind: 'enum',
    options: BOWS_DATA,
    default: 'brown',
    help: 'brown: the Brown corpus (500 texts of 1961 American English, paragraphs as records). mail: the SpamAssassin mail bodies (mails as records). own: your .txt files (paragraphs as records). ring, figure8, sphere, iid: the authors’ synthetic bags — n features anchored on a latent shape, each firing with probability σ(s·cos(angle to the sample’s latent point)); iid fires them independently at the same rate.',
  },
  { key: 'features', label: 'synthetic features n', kind: 'int', min: 3, max: 64, default: 12, help: 'Number of synthetic features (12 are named after the months, 7 after the weekdays). Synthetic data only.' },
  { key: 'sharpness', label: 'sharpness s', kind: 'float', min: 0.5, max: 30, step: 0.5, default: 10, help: 'How sharply a synthetic feature’s firing probability falls with distance on the latent shape. Synthetic data only.' },
  {
    key: 'vocab',
    label: 'vocabulary V',
    kind: 'int',
    min: 50,
    max: 10000,
    default: 2000,
    step: 50,
    help: `The V most frequent non-stop words (case-sensitive), the months, the weekdays and the forced words always among them. Text only: synthetic data has V = n. ${stepEstimateHelp}`,
  },
  { key: 'm', label: 'latent m', kind: 'int', min: 2, max: 1000, default: 128, log: true, help: `Latent dimensions (h = W x). ${stepEstimateHelp}` },
  {
    key: 'unit',
    label: 'window unit',
    kind: 'enum',
    options: ['records', 'tokens'],
    default: 'records',
    help: 'records: a sample is the bag of words of W consecutive records (paragraphs, mails), as the authors sample; tokens: of W consecutive tokens. Stride 1, never across a document (a text, a mail folder, a file; a token window never leaves its mail).',
  },
  { key: 'window', label: 'window W', kind: 'int', min: 1, max: 1000, default: 20, log: true, help: 'Records or tokens per window (see window unit).' },
  {
    key: 'force',
    label: 'forced words',
    kind: 'text',
    default: '',
    maxLength: 400,
    pattern: FORCE_PATTERN,
    help: `Words forced into the vocabulary besides the months and weekdays (space- or comma-separated, case-sensitive, at most ${FORCE_MAX_WORDS}). Text only.`,
  },
  { key: 'wd', label: 'weight decay λ', kind: 'float', min: 0, max: 10, step: 0.1, default: 1, help: 'AdamW decoupled weight decay on W.' },
  { key: 'lr', label: 'learning rate', kind: 'float', min: 1e-5, max: 10, default: 1e-2, log: true, help: 'Peak of the cosine schedule.' },
  { key: 'lrEnd', label: 'final lr fraction', kind: 'float', min: 0, max: 1, step: 0.01, default: 0.05, help: 'The cosine schedule falls to this fraction of lr (0: to zero, as the authors).' },
  { key: 'horizon', label: 'schedule steps', kind: 'int', min: 10, max: 100000, default: 2000, log: true, help: 'The cosine schedule reaches its end over this many steps.' },
  { key: 'batch', label: 'batch', kind: 'int', min: 16, max: 2048, default: 256, log: true },
  { key: 'encoder', label: 'encoder', kind: 'enum', options: ['sparse', 'dense'], default: 'sparse', help: 'Gather-sum of W columns (sparse) or the dense V-wide product.' },
  { key: 'seed', label: 'seed', kind: 'int', min: 0, max: 999999, default: 1 },
];
