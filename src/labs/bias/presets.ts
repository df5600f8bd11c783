import type { Preset } from '../../engine/lab';

export const biasPresets: readonly Preset[] = [
  {
    name: 'easy-vs-hard',
    description: 'One input bit against the XOR of 3 bits, trained together: both reach 100% accuracy, yet the single bit dominates the representation.',
    params: { k: 3, mod: 0, first: 'none', prevalence: 0.5 },
    steps: 4000,
  },
  {
    name: 'learned-first',
    description: 'The XOR feature is trained alone for 2,000 steps, then both: the feature learned first keeps a larger share of the variance.',
    params: { k: 3, mod: 0, first: 'parity', firstSteps: 2000, prevalence: 0.5 },
    steps: 4000,
  },
  {
    name: 'prevalence',
    description: 'The single-bit feature is 1 in only 5% of examples: the rarer it is, the less of the representation it takes.',
    params: { k: 3, mod: 0, first: 'none', prevalence: 0.05, prevalenceOf: 'linear' },
    steps: 4000,
  },
];
