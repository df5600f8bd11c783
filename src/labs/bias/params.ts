import type { z } from '../../engine/zod';
import { defineParams, enumOf, float, int } from '../../engine/param-schema';

export const ACTIVATIONS = ['relu', 'tanh', 'elu', 'sigmoid'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

export const LOSSES = ['bce', 'mse'] as const;
export type LossKind = (typeof LOSSES)[number];

/** The bias lab's parameters, declared once: the schema, the specs and the defaults derive from this. */
const params = defineParams({
  k: int(2, 4, 3, { label: 'XOR bits k', help: 'The hard feature is the parity (XOR) of k input bits.' }),
  mod: int(0, 5, 0, { label: 'sum mod m', help: 'Adds a third feature, [sum of 4 bits mod m = 0]; m < 2 leaves it out.' }),
  first: enumOf(['none', 'linear', 'parity', 'mod'], 'none', {
    label: 'train first',
    help: 'Learning order: train this feature alone for the first N steps, then all of them.',
  }),
  firstSteps: int(0, 100000, 2000, { label: 'first steps N', help: 'Steps on the first feature alone.' }),
  prevalence: float(0.02, 0.98, 0.5, {
    label: 'prevalence',
    step: 0.01,
    help: 'How often the chosen feature’s label is 1 (the others stay at ½).',
  }),
  prevalenceOf: enumOf(['linear', 'parity', 'mod'], 'linear', { label: 'prevalence of' }),
  inputs: int(16, 64, 32, { label: 'input bits', help: 'Uniform random bits; those no feature reads are distractors.' }),
  width: int(8, 512, 256, { label: 'hidden width', log: true, help: 'Width of the first two hidden layers.' }),
  rep: int(2, 256, 64, { label: 'penultimate width', log: true, help: 'Width of the last hidden layer.' }),
  activation: enumOf(ACTIVATIONS, 'relu', { label: 'activation' }),
  init: float(0.05, 3, 1, {
    label: 'init scale',
    log: true,
    help: 'Initial weights’ standard deviation relative to He (ReLU, ELU) or LeCun (tanh, sigmoid). Small: the “rich” regime.',
  }),
  loss: enumOf(LOSSES, 'bce', { label: 'loss', help: 'Per-feature binary cross-entropy, or squared error to ±1.' }),
  batch: int(16, 2048, 128, { label: 'batch', log: true }),
  lr: float(1e-5, 10, 1e-3, { label: 'learning rate', log: true, help: 'Adam.' }),
  seed: int(0, 999999, 1, { label: 'seed' }),
});

export const biasParamSchema = params.schema;
export const biasParams = params.specs;
export type BiasParams = z.infer<typeof biasParamSchema>;
