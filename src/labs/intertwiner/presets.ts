import type { Preset } from '../../engine/lab';

export const intertwinerPresets: readonly Preset[] = [
  {
    name: 'relu-vs-isotropic',
    description:
      'ReLU against isotropic tanh. By step 600, at layer 1 ReLU’s bar stands above the rotation null (ratio ≈ 1.2) and isotropic tanh’s sits on it (≈ 1); ReLU’s stitching penalty rises full < group < low rank, while isotropic tanh’s group (orthogonal) layer stitches about as well as the full one.',
    params: { task: 'classifier', activations: 'relu-iso-tanh', hidden: 64 },
    steps: 600,
  },
  {
    name: 'all-activations',
    description:
      'ReLU, leaky-ReLU, tanh, GELU and isotropic tanh side by side: the elementwise activations’ bars should stand above the rotation null, isotropic tanh’s near it; the residual bars show every map for each.',
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
