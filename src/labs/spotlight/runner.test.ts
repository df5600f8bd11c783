import { beforeAll, describe, expect, it } from 'vitest';
import { LABS } from '../registry';
import { parseArgs } from '../../cli/args';
import { runLab, type RunnerResult } from '../../cli/runner';
import { spotlightLab } from '.';

type Band = { value: number; nullMean: number; nullLow: number; nullHigh: number; z: number };
interface SpotlightMetrics {
  anisotropy: Record<string, Band>;
  reconstructionError: Record<string, number>;
  srm: Record<string, number[]>;
  srmSd: Record<string, number[]>;
  epsilon: number;
}

/**
 * Seed 1 at the preset's full 4,000 steps keeps this file near a minute on a quiet machine;
 * `SPOTLIGHT_SEEDS=1,2,3,4,5` (or `npm run repro`) runs the README's five seeds.
 */
const SEEDS = (process.env.SPOTLIGHT_SEEDS ?? '1').split(',').map(Number);
/** Seeds where a claim was measured not to hold (README, spotlight): expected failures, claim unloosened. */
const FAILS_ON = { tanhOutside: [], isoNear: [] } as const satisfies Record<string, readonly number[]>;
const claim = (name: keyof typeof FAILS_ON, seed: number) => ((FAILS_ON[name] as readonly number[]).includes(seed) ? it.fails : it);
const results = new Map<number, RunnerResult>();
const metrics = (seed: number) => results.get(seed)!.metrics as unknown as SpotlightMetrics;

beforeAll(async () => {
  for (const seed of SEEDS) {
    const opts = parseArgs(['spotlight', '--preset', 'tanh-vs-isotropic', '--seed', String(seed)], LABS);
    results.set(seed, await runLab({ lab: spotlightLab, params: opts.params, steps: opts.steps, preset: 'tanh-vs-isotropic' }));
  }
}, 600_000 * SEEDS.length); // ~60 s on a quiet machine; over 240 s was measured with other jobs loading both cores

describe(`spotlight runner (tanh-vs-isotropic, k = 4, 4,000 steps, seeds ${SEEDS.join(', ')})`, () => {
  it('trains every seed to a falling loss and reports one anisotropy band and the SRM per activation', () => {
    for (const seed of SEEDS) {
      const result = results.get(seed)!;
      const m = metrics(seed);
      expect(result.steps).toBe(4000);
      expect(m.epsilon).toBe(0.9);
      expect(Object.keys(m.anisotropy)).toEqual(['tanh', 'iso-tanh']);
      expect(m.srm.tanh).toHaveLength(360);
      expect(m.srmSd.tanh).toHaveLength(360);
      for (const v of Object.values(m.reconstructionError)) expect(v).toBeLessThan(0.06);
      expect(result.loss.at(-1)![1]).toBeLessThan(result.loss[0]![1]);
    }
  });

  for (const seed of SEEDS) {
    claim('tanhOutside', seed)(`seed ${seed}: tanh lies outside its rotation null’s 95% band`, () => {
      const t = metrics(seed).anisotropy.tanh!;
      expect(t.value < t.nullLow || t.value > t.nullHigh).toBe(true);
    });
    claim('isoNear', seed)(`seed ${seed}: isotropic tanh lies within ±10% of its null mean`, () => {
      const iso = metrics(seed).anisotropy['iso-tanh']!;
      expect(Math.abs(iso.value / iso.nullMean - 1)).toBeLessThan(0.1);
      // The bench's time-to-effect test is these two claims together.
      expect(spotlightLab.effect.holds(results.get(seed)!.metrics)).toBe(true);
    });
  }

  // Measured not to hold at 4,000 steps (README, spotlight): tanh is above on seeds 3, 4, 5 only (3 of 5;
  // seed 1 by −0.00004). Its disadvantage is transient — 5 of 5 at 3,000 steps, 2 of 5 at 5,000.
  it.fails('tanh’s reconstruction error is above isotropic tanh’s on at least 4 of 5 seeds (on all of the seeds run, when fewer)', () => {
    const above = SEEDS.filter((seed) => metrics(seed).reconstructionError.tanh! > metrics(seed).reconstructionError['iso-tanh']!).length;
    expect(above).toBeGreaterThanOrEqual(SEEDS.length >= 5 ? SEEDS.length - 1 : SEEDS.length);
  });
});
