import type { Preset } from '../../engine/lab';

export const capacityPresets: readonly Preset[] = [
  {
    name: 'regimes',
    description:
      'n=20 features in m=5 dimensions, importance 0.8ⁱ, kurtosis 8: the most important features monosemantic, the next ones sharing dimensions, the rest ignored.',
    params: { model: 'quadratic', distribution: 'power', kurtosis: 8, n: 20, m: 5, importance: 0.8, batch: 256, lr: 0.01 },
    steps: 3000,
  },
  {
    name: 'kurtosis-sweep',
    description:
      'n=10, m=3, importance 0.9ⁱ: run the sweep to see the polysemantic fraction jump as kurtosis passes 3; drag the kurtosis slider to see one model.',
    params: { model: 'quadratic', distribution: 'power', kurtosis: 5, n: 10, m: 3, importance: 0.9, batch: 256, lr: 0.01 },
    // The loss plateaus by 2,000 steps, but Adam's noise at lr 0.01 still swaps capacity between
    // the top two features there (seed 1: C₀ = C₁ = 0.77); at 5,000 steps C₀ − C₁ ≥ 0.13, seeds 1–8.
    steps: 5000,
  },
  {
    name: 'dense',
    description:
      'Light-tailed inputs (kurtosis 1.5, below the Gaussian 3): capacity is all-or-nothing, so features are monosemantic or ignored.',
    params: { model: 'quadratic', distribution: 'power', kurtosis: 1.5, n: 20, m: 5, importance: 0.8, batch: 256, lr: 0.01 },
    steps: 3000,
  },
];
