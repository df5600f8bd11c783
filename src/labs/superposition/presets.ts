import type { Preset } from '../../engine/lab';

export const superpositionPresets: readonly Preset[] = [
  {
    name: 'pentagon',
    description: 'n=5 features in m=2 dimensions, uniform importance, sparse: a regular pentagon, D=2/5.',
    params: { n: 5, m: 2, sparsity: 0.9, importance: 1 },
    steps: 3000,
  },
  {
    name: 'digons',
    description: 'n=6 in m=2 with decaying importance: features pair up antipodally (D=1/2).',
    params: { n: 6, m: 2, sparsity: 0.8, importance: 0.8 },
    steps: 3000,
  },
  {
    name: 'dense',
    description: 'No sparsity, importance 0.7ⁱ: only the m most important features, orthogonal.',
    params: { n: 5, m: 2, sparsity: 0, importance: 0.7 },
    steps: 3000,
  },
  {
    name: 'decay',
    description: 'n=20, m=5, importance 0.9ⁱ: the benchmark model.',
    params: { n: 20, m: 5, sparsity: 0.9, importance: 0.9 },
    steps: 3000,
  },
];
