import type { Preset } from '../../engine/lab';

export const intertwinerPresets: readonly Preset[] = [
  {
    name: 'relu-vs-isotropic',
    description:
      'ReLU against isotropic tanh. By step 1,000, at layer 1 ReLU’s bar stands above the rotation null (ratio ≈ 1.2) and isotropic tanh’s sits on it (≈ 1); ReLU keeps more of its orthogonal-Procrustes similarity under G_ReLU-Procrustes (≈ 0.78 against 0.66); ReLU’s stitching penalty rises full < group < low rank, while isotropic tanh’s group (orthogonal) layer stitches about as well as the full one.',
    params: { task: 'classifier', activations: 'relu-iso-tanh', hidden: 64 },
    // 600 steps left ReLU's Procrustes lead under 0.1 on seeds 2 and 4 (0.094, 0.092); 1,000 clears it on 1–5.
    steps: 1000,
  },
  {
    name: 'all-activations',
    description:
      'ReLU, leaky-ReLU, tanh, GELU and isotropic tanh side by side (seed 1, step 600, layer 1): ReLU, leaky-ReLU and GELU stand well above the rotation null (1.23–1.29), tanh only a little on this perm × scale₊ bar (1.06; its own group, signed permutations, gives 1.19 in the runner’s rotationNullRatioByMap), isotropic tanh on it (0.96).',
    params: { task: 'classifier', activations: 'all', hidden: 64 },
    steps: 600,
  },
  {
    name: 'autoencoder',
    description:
      'The spotlight autoencoder 784→h→k→h→784, ReLU against isotropic tanh: the same comparison with penalties in R² points (not measured for the README; read the bars against the null line).',
    params: { task: 'autoencoder', activations: 'relu-iso-tanh', hidden: 64, bottleneck: 16 },
    steps: 600,
  },
];
