import type { Preset } from '../../engine/lab';

/** The authors' synthetic setting: 12 features on a ring, σ(10·cos) firing, m = 6, AdamW lr 1e-2 with cosine decay. */
const RING = { data: 'ring', features: 12, sharpness: 10, m: 6, lr: 0.01, batch: 256, horizon: 3000, encoder: 'dense' };

/** Real text: V = 2000, m = 128, AdamW lr 1e-2 cosine over 2,000 steps, batch 256. */
const TEXT = { vocab: 2000, m: 128, lr: 0.01, lrEnd: 0.05, batch: 256, horizon: 2000, encoder: 'sparse', force: '' };

/**
 * Every blurb states what was measured (README, `### bows`, seeds 1–3); the model cycle score is
 * the months' (or weekdays') order on their own PCA plane of W, the data score the same read from
 * the windows' PPMI alone (chance ≈ 2/(n−1): 0.18 for 12 months, 0.33 for 7 weekdays).
 */
export const bowsPresets: readonly Preset[] = [
  {
    name: 'ring',
    description:
      'Synthetic BOWS: 12 features (named after the months) that co-occur by closeness on a ring, in m=6 dimensions, λ=6: the features close into a ring in calendar order (cycle order score 1 on seeds 1–5; the data alone also scores 1).',
    params: { ...RING, wd: 6 },
    steps: 3000,
  },
  {
    name: 'ring-no-decay',
    description: 'The same ring data without weight decay (λ=0): no ring forms (cycle order 0.17–0.42 on seeds 1–5) although the data carries one.',
    params: { ...RING, wd: 0 },
    steps: 3000,
  },
  {
    name: 'figure8',
    description: 'Synthetic BOWS on a figure-eight (Lissajous) curve, λ=6: the latent plane shows the data’s figure eight.',
    params: { ...RING, data: 'figure8', wd: 6 },
    steps: 3000,
  },
  {
    name: 'iid',
    description: 'The control: the same 12 features firing independently at the ring’s rate, λ=6 — nothing to line up, no ring.',
    params: { ...RING, data: 'iid', wd: 6 },
    steps: 3000,
  },
  {
    name: 'months',
    description: 'Not yet measured.',
    params: { ...TEXT, data: 'brown', unit: 'records', window: 5, wd: 4 },
    steps: 2000,
  },
  {
    name: 'weekdays',
    description: 'Not yet measured.',
    params: { ...TEXT, data: 'brown', unit: 'records', window: 3, wd: 4 },
    steps: 2000,
  },
  {
    name: 'no-decay',
    description: 'Not yet measured.',
    params: { ...TEXT, data: 'brown', unit: 'records', window: 5, wd: 0 },
    steps: 2000,
  },
  {
    name: 'mail',
    description: 'Not yet measured.',
    params: { ...TEXT, data: 'mail', unit: 'tokens', window: 200, wd: 4 },
    steps: 2000,
  },
  {
    name: 'small-vocab',
    description: 'Not yet measured.',
    params: { ...TEXT, data: 'brown', unit: 'records', window: 5, vocab: 500, m: 32, wd: 1, horizon: 1000 },
    steps: 1000,
  },
  {
    name: 'paper',
    description: 'Not yet measured.',
    params: { ...TEXT, data: 'brown', unit: 'records', window: 20, vocab: 10000, m: 1000, wd: 4, lr: 5e-4, lrEnd: 0, batch: 512, horizon: 32000 },
    steps: 32000,
  },
];
