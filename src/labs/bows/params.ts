import type { ParamSpec } from '../../engine/lab';
import { SYNTHETIC_SHAPES } from '../../data/bows-synthetic';

export const BOWS_DATA = ['mail', ...SYNTHETIC_SHAPES] as const;
export type BowsData = (typeof BOWS_DATA)[number];

export const bowsParams: readonly ParamSpec[] = [
  {
    key: 'data',
    label: 'data',
    kind: 'enum',
    options: BOWS_DATA,
    default: 'mail',
    help: 'mail: windows of real mail bodies. ring, figure8, sphere, iid: the authors’ synthetic bags — n features anchored on a latent shape, each firing with probability σ(s·cos(angle to the sample’s latent point)); iid fires them independently at the same rate.',
  },
  { key: 'features', label: 'synthetic features n', kind: 'int', min: 3, max: 64, default: 12, help: 'Number of synthetic features (12 are named after the months, 7 after the weekdays). Synthetic data only.' },
  { key: 'sharpness', label: 'sharpness s', kind: 'float', min: 0.5, max: 30, step: 0.5, default: 10, help: 'How sharply a synthetic feature’s firing probability falls with distance on the latent shape. Synthetic data only.' },
  { key: 'vocab', label: 'vocabulary V', kind: 'int', min: 500, max: 4000, default: 2000, step: 100, help: 'The V most frequent non-stop words (case-sensitive) of the mail bodies. Mail only: synthetic data has V = n.' },
  { key: 'm', label: 'latent m', kind: 'int', min: 2, max: 512, default: 128, log: true, help: 'Latent dimensions (h = W x).' },
  { key: 'window', label: 'window', kind: 'int', min: 2, max: 50, default: 20, help: 'Tokens per window (stride 1, never across two mails).' },
  { key: 'wd', label: 'weight decay λ', kind: 'float', min: 0, max: 10, step: 0.1, default: 1, help: 'AdamW decoupled weight decay on W.' },
  { key: 'lr', label: 'learning rate', kind: 'float', min: 1e-5, max: 10, default: 1e-2, log: true, help: 'Peak of the cosine schedule.' },
  { key: 'horizon', label: 'schedule steps', kind: 'int', min: 10, max: 100000, default: 2000, log: true, help: 'The cosine schedule falls to 5% of lr over this many steps.' },
  { key: 'batch', label: 'batch', kind: 'int', min: 16, max: 2048, default: 256, log: true },
  { key: 'encoder', label: 'encoder', kind: 'enum', options: ['sparse', 'dense'], default: 'sparse', help: 'Gather-sum of W columns (sparse) or the dense V-wide product.' },
  { key: 'seed', label: 'seed', kind: 'int', min: 0, max: 999999, default: 1 },
];
