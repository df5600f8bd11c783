import type { Preset } from '../../engine/lab';

export const pcaPresets: readonly Preset[] = [
  {
    name: 'top-3',
    description:
      'd = 8, k = 3, λᵢ = 0.5ⁱ: the decoder’s span turns from a random 3-dim subspace (alignment ≈ 3/8) to the top-3 principal subspace (alignment ≈ 1), and the loss falls to Σ_(i≥3) λᵢ = 0.242.',
    params: { d: 8, k: 3, r: 0.5, samples: 8192, batch: 256, lr: 0.01 },
    steps: 2000,
  },
  {
    name: 'small-gap',
    description:
      'λᵢ = 0.95ⁱ: the eigenvalues bunch up, and λ₂ − λ₃ (what tells the top-3 subspace from the next direction) is small: the loss is within 3% of its optimum while the alignment still lags (0.74–0.94 at 300 steps).',
    params: { d: 8, k: 3, r: 0.95, samples: 8192, batch: 256, lr: 0.01 },
    steps: 2000,
  },
];
