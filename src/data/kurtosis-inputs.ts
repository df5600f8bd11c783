/**
 * Samplers for the capacity lab's quadratic model: i.i.d. features with unit variance and a chosen
 * kurtosis (closed forms in analysis/kurtosis.ts). Symmetric, zero mean.
 */
import type { Rng } from '../engine/rng';
import { powerSecondMoment, type GeneratorSetting } from '../analysis/kurtosis';

/** Fills `out` with unit-variance samples of the generator. */
export function fillSamples(out: Float32Array, setting: GeneratorSetting, rng: Rng): Float32Array {
  const { distribution, shape } = setting;
  if (distribution === 'power') {
    const p = shape;
    const scale = 1 / Math.sqrt(powerSecondMoment(p));
    for (let i = 0; i < out.length; i++) {
      const g = rng.normal();
      out[i] = Math.sign(g) * Math.abs(g) ** p * scale;
    }
  } else if (distribution === 'sparse') {
    const s = shape;
    const sigma = 1 / Math.sqrt(1 - s);
    for (let i = 0; i < out.length; i++) out[i] = rng.next() < s ? 0 : rng.normal() * sigma;
  } else {
    // The ReLU model's own inputs (0 w.p. S else U(0,1)), here unscaled: only for checks.
    const s = shape;
    for (let i = 0; i < out.length; i++) out[i] = rng.next() < s ? 0 : rng.next();
  }
  return out;
}
