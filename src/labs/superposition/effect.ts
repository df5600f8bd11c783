import type { HeadlineEffect } from '../../engine/headline-effect';
import { numbersAt } from '../../engine/headline-effect';

/** Elhage et al.: five sparse features in two dimensions form a pentagon, each feature at D = 2/5. */
export const superpositionEffect: HeadlineEffect = {
  preset: 'pentagon',
  description: 'five features at dimensionality D within 0.05 of 2/5 (a pentagon)',
  holds: (metrics) => {
    const d = numbersAt(metrics, 'dimensionality');
    return d.length === 5 && d.every((v) => Math.abs(v - 0.4) < 0.05);
  },
};
