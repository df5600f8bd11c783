import type { Preset } from '../../engine/lab';

export const intertwinerPresets: readonly Preset[] = [
  {
    name: 'relu-vs-isotropic',
    description: 'ReLU against isotropic tanh: permutations align ReLU networks, only rotations align isotropic ones.',
    params: { task: 'classifier', activations: 'relu-iso-tanh', hidden: 64 },
    steps: 600,
  },
  {
    name: 'all-activations',
    description: 'ReLU, leaky-ReLU, tanh, GELU and isotropic tanh side by side, each map for each.',
    params: { task: 'classifier', activations: 'all', hidden: 64 },
    steps: 600,
  },
  {
    name: 'autoencoder',
    description: 'The spotlight autoencoder 784→h→k→h→784, ReLU against isotropic tanh.',
    params: { task: 'autoencoder', activations: 'relu-iso-tanh', hidden: 64, bottleneck: 16 },
    steps: 600,
  },
];
