import type { z } from '../../engine/zod';
import { defineParams, enumOf, float, int } from '../../engine/param-schema';

/** The capacity lab's parameters, declared once: the schema, the specs and the defaults derive from this. */
const params = defineParams({
  model: enumOf(['quadratic', 'relu'], 'quadratic', {
    label: 'model',
    help: 'quadratic: ŷ = Σ_k (Wx)_k² + b fits y = Σ v_i x_i². relu: the superposition lab’s x′ = ReLU(WᵀWx + b).',
  }),
  distribution: enumOf(['power', 'sparse'], 'power', {
    label: 'inputs',
    help: 'power: x = sign(g)|g|^p (any kurtosis ≥ 1). sparse: x = 0 w.p. S else Gaussian (kurtosis 3/(1−S) ≥ 3). Both scaled to unit variance. The relu model always uses its own sparse uniform inputs.',
  }),
  kurtosis: float(1.05, 50, 8, {
    label: 'kurtosis K',
    log: true,
    help: 'Kurtosis E[x⁴]/E[x²]² of every input feature (Gaussian: 3). The generator’s p or S is solved from it.',
  }),
  n: int(2, 64, 20, { label: 'features n', help: 'Number of input features.' }),
  m: int(1, 16, 5, { label: 'hidden m', help: 'Hidden dimensions.' }),
  importance: float(0.5, 1, 0.8, { label: 'importance decay r', step: 0.01, help: 'Feature i has importance v_i = rⁱ.' }),
  batch: int(16, 4096, 256, { label: 'batch', log: true }),
  lr: float(1e-5, 10, 1e-2, { label: 'learning rate', log: true }),
  seed: int(0, 999999, 1, { label: 'seed' }),
});

export const capacityParamSchema = params.schema;
export const capacityParams = params.specs;
export type CapacityParams = z.infer<typeof capacityParamSchema>;
