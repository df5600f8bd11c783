import type { HeadlineEffect } from '../../engine/headline-effect';
import { numberAt } from '../../engine/headline-effect';

/** Lampinen et al.: the easy feature dominates the representation's variance over the hard one. */
export const biasEffect: HeadlineEffect = {
  preset: 'easy-vs-hard',
  description: 'the easy feature explains ≥ 2× the variance the hard one does',
  holds: (metrics) => numberAt(metrics, 'varianceRatio') >= 2,
};
