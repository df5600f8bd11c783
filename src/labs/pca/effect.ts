import type { HeadlineEffect } from '../../engine/headline-effect';
import { numberAt } from '../../engine/headline-effect';

/** Baldi & Hornik: a linear autoencoder's code spans the top-k principal subspace. */
export const pcaEffect: HeadlineEffect = {
  preset: 'top-3',
  description: 'the learned subspace aligned with the top-3 principal subspace (alignment ≥ 0.99)',
  holds: (metrics) => numberAt(metrics, 'alignment') >= 0.99,
};
