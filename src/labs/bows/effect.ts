import type { HeadlineEffect } from '../../engine/headline-effect';
import { numberAt } from '../../engine/headline-effect';

/** Prieto et al.: cyclically correlated features embed as a ring in calendar order (with weight decay). */
export const bowsEffect: HeadlineEffect = {
  preset: 'ring',
  description: 'the twelve ring features close into a circle in their cyclic order (order score ≥ 0.9)',
  holds: (metrics) => numberAt(metrics, 'cycleOrderScore') >= 0.9,
};
