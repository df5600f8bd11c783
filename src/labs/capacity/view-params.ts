import { defineParams, float } from '../../engine/param-schema';

const view = defineParams({
  eps: float(0.01, 0.99, 0.3, { label: 'block: energy share in a singular subspace' }),
  tau: float(0.01, 0.99, 0.2, { label: 'neuron-load threshold (× max |W|)' }),
});

export const capacityViewParamSchema = view.schema;
export const capacityViewParams = view.specs;
