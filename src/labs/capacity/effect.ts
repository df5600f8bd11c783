import type { HeadlineEffect } from '../../engine/headline-effect';
import { numberAt } from '../../engine/headline-effect';

/** Scherlis et al.: by importance, features are monosemantic, then share dimensions, then are ignored. */
export const capacityEffect: HeadlineEffect = {
  preset: 'regimes',
  description: 'all three regimes at once: ≥ 2 monosemantic, ≥ 2 polysemantic and ≥ 10 ignored features of 20',
  holds: (metrics) =>
    numberAt(metrics, 'regimeCounts', 'mono') >= 2 &&
    numberAt(metrics, 'regimeCounts', 'poly') >= 2 &&
    numberAt(metrics, 'regimeCounts', 'ignored') >= 10,
};
