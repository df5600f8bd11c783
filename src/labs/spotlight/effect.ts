import type { HeadlineEffect } from '../../engine/headline-effect';
import { numberAt } from '../../engine/headline-effect';

/** Bird et al.: tanh's activations align with its basis (outside the rotation null); isotropic tanh's do not. */
export const spotlightEffect: HeadlineEffect = {
  preset: 'tanh-vs-isotropic',
  description: "tanh's anisotropy outside its rotation null's 95% band, isotropic tanh's within ±10% of its null mean",
  holds: (metrics) => {
    const at = (act: string, key: string) => numberAt(metrics, 'anisotropy', act, key);
    const outside = at('tanh', 'value') < at('tanh', 'nullLow') || at('tanh', 'value') > at('tanh', 'nullHigh');
    return outside && Math.abs(at('iso-tanh', 'value') / at('iso-tanh', 'nullMean') - 1) < 0.1;
  },
};
