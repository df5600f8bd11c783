import type { Preset } from '../../engine/lab';

/**
 * The presets use a smaller MLP (32→64→64→32) than the default (32→256→256→64): it shows the same
 * effects and trains ~4× faster. Small initial weights (0.2 × He) are the regime where the paper's
 * gaps appear; at He initialisation the bit's lead is only 2–3×.
 */
const RICH = { width: 64, rep: 32, init: 0.2, loss: 'bce' };

export const biasPresets: readonly Preset[] = [
  {
    name: 'easy-vs-hard',
    description:
      'One input bit against the XOR of 3 bits, trained together from small initial weights: both reach 100% accuracy, yet the bit takes tens of times more of the penultimate layer’s variance than the XOR.',
    params: { ...RICH, k: 3, mod: 0, first: 'none', prevalence: 0.5 },
    steps: 4000,
  },
  {
    name: 'learned-first',
    description:
      'The hard feature, the XOR, is trained alone for 3,000 steps, then both: learned first, the XOR keeps several times the share of the variance it gets in easy-vs-hard (compare the scored shares).',
    params: { ...RICH, k: 3, mod: 0, first: 'parity', firstSteps: 3000, prevalence: 0.5 },
    steps: 4000,
  },
  {
    name: 'prevalence',
    description:
      'The bit is 1 in only 5% of training examples. Shares are scored on a balanced probe set, so rarity in the probe cannot make the bit look weak: compare its scored share with easy-vs-hard’s.',
    params: { ...RICH, k: 3, mod: 0, first: 'none', prevalence: 0.05, prevalenceOf: 'linear' },
    steps: 4000,
  },
];
