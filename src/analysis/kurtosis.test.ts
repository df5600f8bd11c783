import { describe, expect, it } from 'vitest';
import {
  gaussianAbsMoment,
  generatorForKurtosis,
  logGamma,
  powerForKurtosis,
  powerKurtosis,
  sampleKurtosis,
  sparseGaussianKurtosis,
  sparseUniformKurtosis,
  sparseUniformSparsityForKurtosis,
  MIN_KURTOSIS,
  SPARSE_UNIFORM_ARGMIN,
  type GeneratorSetting,
} from './kurtosis';
import { fillSamples } from '../data/kurtosis-inputs';
import { createRng } from '../engine/rng';

/** Raw even moments E x^q (q = 2, 4, 6, 8) of the symmetric generators, up to scale. */
function moment(setting: GeneratorSetting, q: number): number {
  if (setting.distribution === 'power') return gaussianAbsMoment(q * setting.shape);
  let doubleFactorial = 1;
  for (let k = q - 1; k > 1; k -= 2) doubleFactorial *= k;
  return (1 - setting.shape) * doubleFactorial;
}

/** Delta-method standard error of the sample kurtosis m4/m2² of N symmetric zero-mean samples. */
function kurtosisStdError(setting: GeneratorSetting, samples: number): number {
  const [m2, m4, m6, m8] = [2, 4, 6, 8].map((q) => moment(setting, q)) as [number, number, number, number];
  const a = 1 / (m2 * m2);
  const b = (-2 * m4) / m2 ** 3;
  return Math.sqrt((a * a * (m8 - m4 * m4) + b * b * (m4 - m2 * m2) + 2 * a * b * (m6 - m4 * m2)) / samples);
}

describe('kurtosis closed forms', () => {
  it('Γ and Gaussian absolute moments', () => {
    expect(Math.exp(logGamma(5))).toBeCloseTo(24, 10);
    expect(Math.exp(logGamma(0.5))).toBeCloseTo(Math.sqrt(Math.PI), 12);
    expect(gaussianAbsMoment(2)).toBeCloseTo(1, 12);
    expect(gaussianAbsMoment(4)).toBeCloseTo(3, 12);
    expect(gaussianAbsMoment(1)).toBeCloseTo(Math.sqrt(2 / Math.PI), 12);
  });

  it('known values: power p=1 is Gaussian (3), p=½ gives π/2, sparse 3/(1−S), U(0,1) 9/5', () => {
    expect(powerKurtosis(1)).toBeCloseTo(3, 12);
    expect(powerKurtosis(0.5)).toBeCloseTo(Math.PI / 2, 12);
    expect(powerKurtosis(1e-3)).toBeCloseTo(1, 2);
    expect(sparseGaussianKurtosis(0.75)).toBeCloseTo(12, 12);
    expect(sparseUniformKurtosis(0)).toBeCloseTo(1.8, 12);
  });

  it('inverts: the generator set to K has kurtosis K (within each family’s range)', () => {
    for (const k of [1.2, 2, 3, 8, 30]) {
      expect(powerKurtosis(powerForKurtosis(k))).toBeCloseTo(k, 8);
      expect(generatorForKurtosis('power', k).kurtosis).toBeCloseTo(k, 8);
      expect(generatorForKurtosis('sparse-uniform', Math.max(k, 1.8)).kurtosis).toBeCloseTo(Math.max(k, 1.8), 6);
    }
    expect(generatorForKurtosis('sparse', 12).shape).toBeCloseTo(0.75, 12);
    // Below the family's minimum the generator clamps and says what it really gives.
    expect(generatorForKurtosis('sparse', 2)).toEqual({ distribution: 'sparse', shape: 0, kurtosis: 3 });
  });
});

describe('generators match their closed-form kurtosis within sampling error', () => {
  const N = 400_000;
  const settings: GeneratorSetting[] = [
    generatorForKurtosis('power', 1.3),
    generatorForKurtosis('power', 3),
    generatorForKurtosis('power', 6),
    generatorForKurtosis('sparse', 3),
    generatorForKurtosis('sparse', 6),
    generatorForKurtosis('sparse', 15),
  ];
  for (const setting of settings) {
    it(`${setting.distribution} shape ${setting.shape.toFixed(3)}: K = ${setting.kurtosis.toFixed(3)}`, () => {
      const x = fillSamples(new Float32Array(N), setting, createRng(7));
      const se = kurtosisStdError(setting, N);
      expect(Math.abs(sampleKurtosis(x) - setting.kurtosis)).toBeLessThan(5 * se);
      // Unit variance, zero mean.
      let s1 = 0;
      let s2 = 0;
      for (const v of x) {
        s1 += v;
        s2 += v * v;
      }
      expect(Math.abs(s1 / N)).toBeLessThan(0.01);
      expect(Math.abs(s2 / N - 1)).toBeLessThan(0.03);
    });
  }

  it('sparse-uniform (the ReLU model’s inputs) matches too', () => {
    for (const k of [1.8, 4, 10]) {
      const setting = generatorForKurtosis('sparse-uniform', k);
      const x = fillSamples(new Float32Array(N), setting, createRng(8));
      expect(Math.abs(sampleKurtosis(x) / setting.kurtosis - 1)).toBeLessThan(0.03);
    }
  });

  it('sparse-uniform: K(S) dips below 1.8 before rising, and the inversion uses the rising branch', () => {
    expect(sparseUniformKurtosis(0)).toBeCloseTo(1.8, 12);
    expect(sparseUniformKurtosis(0.2)).toBeCloseTo(1.6875, 12);
    expect(MIN_KURTOSIS['sparse-uniform']).toBeLessThanOrEqual(1.6875 + 1e-12);
    expect(SPARSE_UNIFORM_ARGMIN).toBeGreaterThan(0.1);
    expect(SPARSE_UNIFORM_ARGMIN).toBeLessThan(0.3);
    // A target between the minimum and 1.8 is reachable now, and inverts exactly.
    const s = sparseUniformSparsityForKurtosis(1.75);
    expect(s).toBeGreaterThanOrEqual(SPARSE_UNIFORM_ARGMIN);
    expect(sparseUniformKurtosis(s)).toBeCloseTo(1.75, 9);
  });
});
