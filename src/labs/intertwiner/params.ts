import type { z } from '../../engine/zod';
import { bool, defineParams, enumOf, float, int } from '../../engine/param-schema';
import { ACTIVATION_SETS } from './activations';

/** The intertwiner lab's parameters, declared once: the schema, the specs and the defaults derive from this. */
const params = defineParams({
  task: enumOf(['classifier', 'autoencoder'], 'classifier', {
    label: 'network',
    help: 'MNIST classifier 784→h→h→10, or autoencoder 784→h→k→h→784.',
  }),
  activations: enumOf(Object.keys(ACTIVATION_SETS), 'relu-iso-tanh', {
    label: 'activations',
    help: 'Which activations get a pair of networks (A, B).',
  }),
  hidden: int(8, 256, 64, { label: 'hidden h', log: true, help: 'Width of the hidden layers that are aligned.' }),
  bottleneck: int(2, 64, 16, { label: 'bottleneck k', help: 'Autoencoder bottleneck width.' }),
  centre: bool(false, { label: 'centre inputs', help: 'Subtract the mean training digit from every input.' }),
  batch: int(16, 1024, 128, { label: 'batch', log: true }),
  lr: float(1e-5, 10, 2e-3, { label: 'learning rate', log: true }),
  initScale: float(0.01, 10, 1, {
    label: 'init scale',
    log: true,
    help: 'Multiplies the Glorot initial weights; small values put the networks in the rich (feature-learning) regime.',
  }),
  weightDecay: float(0, 1, 0, { label: 'weight decay', help: 'Decoupled (AdamW-style) weight decay on the weight matrices.' }),
  seed: int(0, 999999, 1, { label: 'seed', help: 'Seeds both initialisations and the data order.' }),
});

export const intertwinerParamSchema = params.schema;
export const intertwinerParams = params.specs;
export type IntertwinerParams = z.infer<typeof intertwinerParamSchema>;
