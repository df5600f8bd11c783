import type { ParamSpec } from '../../engine/lab';
import { ACTIVATION_SETS } from './activations';

export const intertwinerParams: readonly ParamSpec[] = [
  { key: 'task', label: 'network', kind: 'enum', options: ['classifier', 'autoencoder'], default: 'classifier', help: 'MNIST classifier 784→h→h→10, or autoencoder 784→h→k→h→784.' },
  { key: 'activations', label: 'activations', kind: 'enum', options: Object.keys(ACTIVATION_SETS), default: 'relu-iso-tanh', help: 'Which activations get a pair of networks (A, B).' },
  { key: 'hidden', label: 'hidden h', kind: 'int', min: 8, max: 256, default: 64, log: true, help: 'Width of the hidden layers that are aligned.' },
  { key: 'bottleneck', label: 'bottleneck k', kind: 'int', min: 2, max: 64, default: 16, help: 'Autoencoder bottleneck width.' },
  { key: 'centre', label: 'centre inputs', kind: 'bool', default: false, help: 'Subtract the mean training digit from every input.' },
  { key: 'batch', label: 'batch', kind: 'int', min: 16, max: 1024, default: 128, log: true },
  { key: 'lr', label: 'learning rate', kind: 'float', min: 1e-5, max: 10, default: 2e-3, log: true },
  { key: 'initScale', label: 'init scale', kind: 'float', min: 0.01, max: 10, default: 1, log: true, help: 'Multiplies the Glorot initial weights; small values put the networks in the rich (feature-learning) regime.' },
  { key: 'weightDecay', label: 'weight decay', kind: 'float', min: 0, max: 1, default: 0, help: 'Decoupled (AdamW-style) weight decay on the weight matrices.' },
  { key: 'seed', label: 'seed', kind: 'int', min: 0, max: 999999, default: 1, help: 'Seeds both initialisations and the data order.' },
];
