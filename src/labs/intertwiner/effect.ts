import type { HeadlineEffect } from '../../engine/headline-effect';
import { numberAt } from '../../engine/headline-effect';

/** Godfrey et al.: ReLU's layers align by permutation beyond what a random rotation gives; isotropic tanh's do not. */
export const intertwinerEffect: HeadlineEffect = {
  preset: 'relu-vs-isotropic',
  description: "layer 1: ReLU's rotation-null ratio ≥ 1.15, isotropic tanh's within 0.93–1.07",
  holds: (metrics) => {
    const relu = numberAt(metrics, 'rotationNullRatio', '1', 'relu');
    const iso = numberAt(metrics, 'rotationNullRatio', '1', 'iso-tanh');
    return relu >= 1.15 && iso >= 0.93 && iso <= 1.07;
  },
};
