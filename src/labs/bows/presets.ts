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
      'Synthetic BOWS: 12 features (named after the months) that co-occur by closeness on a ring, in m=6 dimensions, λ=6. Measured on seeds 1–5: the features close into a ring in calendar order (cycle order score 1 on all five; the data alone also scores 1).',
    params: { ...RING, wd: 6 },
    steps: 3000,
  },
  {
    name: 'ring-no-decay',
    description:
      'The same ring data without weight decay (λ=0). Measured on seeds 1–5: no ring forms (cycle order 0.17–0.42) although the data carries one (1).',
    params: { ...RING, wd: 0 },
    steps: 3000,
  },
  {
    name: 'figure8',
    description:
      'Synthetic BOWS on a figure-eight (Lissajous) curve, λ=6. Measured on seeds 1–3: PMI correlation 0.91–0.92; the features’ ring order score is 0.50–0.75 (data 0.25) — a figure eight is no circle: look at the latent plane.',
    params: { ...RING, data: 'figure8', wd: 6 },
    steps: 3000,
  },
  {
    name: 'iid',
    description:
      'The control: the same 12 features firing independently at the ring’s rate, λ=6. Measured on seeds 1–3: cycle order 0.08, 0, 0 (data 0.17; chance 0.18) — nothing to line up, no ring.',
    params: { ...RING, data: 'iid', wd: 6 },
    steps: 3000,
  },
  {
    name: 'months',
    description:
      'Brown, windows of 5 consecutive paragraphs, V=2000, m=128, λ=4. Measured on seeds 1–3: the 12 months do not close into a ring (cycle order 0.42–0.50; chance 0.18; the data alone scores 0.50), while the 7 weekdays do (1.00 on all three; data 0.71). The 12-month ring needs narrative text such as Wikipedia: bring your own (data = own).',
    params: { ...TEXT, data: 'brown', unit: 'records', window: 5, wd: 4 },
    steps: 2000,
  },
  {
    name: 'weekdays',
    description:
      'Brown, windows of 3 consecutive paragraphs (the window where the data’s own weekday ring is best, 1.00), λ=4. Measured on seeds 1–3: weekdays 1.00 on all three; months 0.25–0.58 (data 0.50), no month ring.',
    params: { ...TEXT, data: 'brown', unit: 'records', window: 3, wd: 4 },
    steps: 2000,
  },
  {
    name: 'no-decay',
    description:
      'As months without weight decay (λ=0). Measured on seeds 1–3: PMI correlation 0.31 on all three (0.45 with λ=4); weekdays 0, 0.57, 0.43 (1.00 with λ=4; data 0.71); months 0.17, 0.50, 0.33 (data 0.50).',
    params: { ...TEXT, data: 'brown', unit: 'records', window: 5, wd: 0 },
    steps: 2000,
  },
  {
    name: 'mail',
    description:
      'SpamAssassin mail, windows of 200 tokens (the best data-side month score among mail windows, 0.67), λ=4. Measured on seeds 1–3: months 0.58, 0.58, 0.25 (data 0.67); weekdays 0.43, 0.71, 0.43 (data 0.71); PMI correlation 0.45: no calendar ring in mail.',
    params: { ...TEXT, data: 'mail', unit: 'tokens', window: 200, wd: 4 },
    steps: 2000,
  },
  {
    name: 'small-vocab',
    description:
      'For a lecture: V=500 words in m=32 dimensions, λ=1, Brown 5-paragraph windows, 1,000 steps (seconds). Measured on seeds 1–3: PMI correlation 0.41–0.42; months 0.25–0.42 and weekdays 0.29–0.71, i.e. no ring at this size.',
    params: { ...TEXT, data: 'brown', unit: 'records', window: 5, vocab: 500, m: 32, wd: 1, horizon: 1000 },
    steps: 1000,
  },
  {
    name: 'paper',
    description:
      'The authors’ scale: V=10,000, m=1000, λ=4, AdamW lr 5e-4 cosine to 0 over 32,000 steps, batch 512, windows of 20 Brown paragraphs. About 1.8 s per step in Node wasm on 2 free cores (7.6 s measured on 2 busy shared cores), ≈ 16 h for the 32,000 steps: for the runner (npm run lab -- bows --preset paper) or a GPU. 20 steps run and the loss falls; never trained to the end here, so nothing about rings is claimed.',
    params: {
      ...TEXT,
      data: 'brown',
      unit: 'records',
      window: 20,
      vocab: 10000,
      m: 1000,
      wd: 4,
      lr: 5e-4,
      lrEnd: 0,
      batch: 512,
      horizon: 32000,
    },
    steps: 32000,
  },
];
