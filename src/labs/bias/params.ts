import type { ParamSpec } from '../../engine/lab';

export const ACTIVATIONS = ['relu', 'tanh', 'elu', 'sigmoid'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const LOSSES = ['bce', 'mse'] as const;
export type LossKind = (typeof LOSSES)[number];

export const biasParams: readonly ParamSpec[] = [
  { key: 'k', label: 'XOR bits k', kind: 'int', min: 2, max: 4, default: 3, help: 'The hard feature is the parity (XOR) of k input bits.' },
  {
    key: 'mod',
    label: 'sum mod m',
    kind: 'int',
    min: 0,
    max: 5,
    default: 0,
    help: 'Adds a third feature, [sum of 4 bits mod m = 0]; m < 2 leaves it out.',
  },
  {
    key: 'first',
    label: 'train first',
    kind: 'enum',
    options: ['none', 'linear', 'parity', 'mod'],
    default: 'none',
    help: 'Learning order: train this feature alone for the first N steps, then all of them.',
  },
  { key: 'firstSteps', label: 'first steps N', kind: 'int', min: 0, max: 100000, default: 2000, help: 'Steps on the first feature alone.' },
  {
    key: 'prevalence',
    label: 'prevalence',
    kind: 'float',
    min: 0.02,
    max: 0.98,
    step: 0.01,
    default: 0.5,
    help: 'How often the chosen feature’s label is 1 (the others stay at ½).',
  },
  { key: 'prevalenceOf', label: 'prevalence of', kind: 'enum', options: ['linear', 'parity', 'mod'], default: 'linear' },
  { key: 'inputs', label: 'input bits', kind: 'int', min: 16, max: 64, default: 32, help: 'Uniform random bits; those no feature reads are distractors.' },
  { key: 'width', label: 'hidden width', kind: 'int', min: 8, max: 512, default: 256, log: true, help: 'Width of the first two hidden layers.' },
  { key: 'rep', label: 'penultimate width', kind: 'int', min: 2, max: 256, default: 64, log: true, help: 'Width of the last hidden layer.' },
  { key: 'activation', label: 'activation', kind: 'enum', options: ACTIVATIONS, default: 'relu' },
  {
    key: 'init',
    label: 'init scale',
    kind: 'float',
    min: 0.05,
    max: 3,
    log: true,
    default: 1,
    help: 'Initial weights’ standard deviation relative to He (ReLU, ELU) or LeCun (tanh, sigmoid). Small: the “rich” regime.',
  },
  { key: 'loss', label: 'loss', kind: 'enum', options: LOSSES, default: 'bce', help: 'Per-feature binary cross-entropy, or squared error to ±1.' },
  { key: 'batch', label: 'batch', kind: 'int', min: 16, max: 2048, default: 128, log: true },
  { key: 'lr', label: 'learning rate', kind: 'float', min: 1e-5, max: 10, default: 1e-3, log: true, help: 'Adam.' },
  { key: 'seed', label: 'seed', kind: 'int', min: 0, max: 999999, default: 1 },
];
