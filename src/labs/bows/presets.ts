import type { Preset } from '../../engine/lab';

/** The authors' synthetic setting: 12 features on a ring, σ(10·cos) firing, m = 6, AdamW lr 1e-2 with cosine decay. */
const RING = { data: 'ring', features: 12, sharpness: 10, m: 6, lr: 0.01, batch: 256, horizon: 3000, encoder: 'dense' };

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
    description: 'V=2000, m=128, strong weight decay λ=4: co-occurring words interfere constructively; months and weekdays line up.',
    params: { vocab: 2000, m: 128, wd: 4 },
    steps: 2000,
  },
  {
    name: 'no-decay',
    description: 'The same model without weight decay (λ=0): far weaker link between WᵀW and co-occurrence.',
    params: { vocab: 2000, m: 128, wd: 0 },
    steps: 2000,
  },
  {
    name: 'small-vocab',
    description: 'For a lecture: V=500 words in m=32 dimensions, λ=1 — trains in seconds.',
    params: { vocab: 500, m: 32, wd: 1, horizon: 1000 },
    steps: 1000,
  },
];
