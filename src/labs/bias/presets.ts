import type { Preset } from '../../engine/lab';

/** The presets use a smaller MLP (32→64→64→32) than the default (32→256→256→64): it shows the same effects and trains ~4× faster. */
const SMALL = { width: 64, rep: 32 };

export const biasPresets: readonly Preset[] = [
  {
    name: 'easy-vs-hard',
    description:
      'One input bit against the XOR of 3 bits, trained together: both reach 100% accuracy, yet the single bit takes several times more of the penultimate layer’s variance.',
    params: { ...SMALL, k: 3, mod: 0, first: 'none', prevalence: 0.5, init: 1, loss: 'bce' },
    steps: 2000,
  },
  {
    name: 'learned-first',
    description:
      'The single bit is trained alone for 1,000 steps, then both features (He initialisation): the bit ends with a larger share of the variance than when both are trained from the start.',
    params: { ...SMALL, k: 3, mod: 0, first: 'linear', firstSteps: 1000, prevalence: 0.5, init: 1, loss: 'bce' },
    steps: 2000,
  },
  {
    name: 'prevalence',
    description: 'The single-bit feature is 1 in only 5% of examples: the rarer it is, the less of the representation it takes.',
    params: { ...SMALL, k: 3, mod: 0, first: 'none', prevalence: 0.05, prevalenceOf: 'linear', init: 1, loss: 'bce' },
    steps: 2000,
  },
];
