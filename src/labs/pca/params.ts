import type { z } from '../../engine/zod';
import { defineParams, float, int } from '../../engine/param-schema';

/** The PCA lab's parameters, declared once: the schema, the specs and the defaults derive from this. */
const params = defineParams({
  d: int(2, 32, 8, { label: 'data dimension d', help: 'Dimension of the Gaussian data.' }),
  k: int(1, 16, 3, { label: 'hidden k', help: 'Width of the bottleneck (k < d; a k ≥ d autoencoder can copy its input).' }),
  r: float(0.2, 0.95, 0.5, {
    label: 'spectrum decay r',
    step: 0.01,
    help: 'Covariance eigenvalues λᵢ = rⁱ (i = 0…d−1), in a random orthonormal basis.',
  }),
  samples: int(256, 65536, 8192, {
    label: 'samples n',
    log: true,
    help: 'Size of the pre-drawn data pool the batches come from (at least one batch).',
  }),
  batch: int(16, 4096, 256, { label: 'batch', log: true }),
  lr: float(1e-5, 10, 1e-2, { label: 'learning rate', log: true }),
  seed: int(0, 999999, 1, { label: 'seed' }),
});

export const pcaParamSchema = params.schema;
export const pcaParams = params.specs;
export type PcaParams = z.infer<typeof pcaParamSchema>;
