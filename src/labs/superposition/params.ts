import type { z } from '../../engine/zod';
import { defineParams, float, int } from '../../engine/param-schema';

/** The superposition lab's parameters, declared once: the schema, the specs and the defaults derive from this. */
const params = defineParams({
  n: int(2, 64, 5, { label: 'features n', help: 'Number of input features.' }),
  m: int(1, 16, 2, { label: 'hidden m', help: 'Hidden dimensions.' }),
  sparsity: float(0, 0.999, 0.9, { label: 'sparsity S', step: 0.001, help: 'Probability that a feature is zero.' }),
  importance: float(0.5, 1, 1, { label: 'importance decay r', step: 0.01, help: 'Feature i has importance rⁱ.' }),
  batch: int(16, 4096, 1024, { label: 'batch', log: true }),
  lr: float(1e-5, 10, 1e-2, { label: 'learning rate', log: true }),
  seed: int(0, 999999, 1, { label: 'seed' }),
});

export const superpositionParamSchema = params.schema;
export const superpositionParams = params.specs;
export type SuperpositionParams = z.infer<typeof superpositionParamSchema>;
