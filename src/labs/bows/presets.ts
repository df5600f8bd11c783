import type { Preset } from '../../engine/lab';

export const bowsPresets: readonly Preset[] = [
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
