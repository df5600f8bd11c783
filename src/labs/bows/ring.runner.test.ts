import { describe, expect, it } from 'vitest';
import type { Metrics } from '../../engine/lab';
import { LABS } from '../registry';
import { parseArgs } from '../../cli/args';
import { runLab } from '../../cli/runner';
import { bowsLab } from '.';

interface RingMetrics {
  cycleOrderScore: number;
  dataCycleOrderScore: number;
  pmiCorrelation: number;
  similarityByDistance: Record<string, { model: number[]; dataPmi: number[]; dataCosine: number[] }>;
}

const run = async (preset: string, seed: number) => {
  const opts = parseArgs(['bows', '--preset', preset, '--seed', String(seed)], LABS);
  const result = await runLab({ lab: bowsLab, params: opts.params, steps: opts.steps, preset });
  expect(result.steps).toBe(3000);
  return result.metrics as unknown as RingMetrics;
};

/**
 * Seed 1 by default (two 3,000-step runs); `RING_SEEDS=1,2,3,4,5` (or `npm run repro`) runs the five
 * seeds of the README, where the claim is "closes on ≥ 4 of 5, at most 1 of 5 without decay". On
 * fewer seeds every seed must close with decay and none without (measured on seeds 1–5: 1.00 with
 * λ=6 on all; 0.17, 0.42, 0.25, 0.17, 0.33 with λ=0).
 */
const SEEDS = (process.env.RING_SEEDS ?? '1').split(',').map(Number);
const FULL = SEEDS.length >= 5;

describe('bows synthetic ring (issue 13 point 1)', () => {
  it(
    `ring (λ=6) closes in calendar order on ≥ 4 of seeds 1–5 (all of seeds ${SEEDS.join(', ')} when fewer); without decay it does not`,
    async () => {
      const rows: Array<Record<string, number>> = [];
      let closed = 0;
      let closedNoDecay = 0;
      for (const seed of SEEDS) {
        const decay = await run('ring', seed);
        const none = await run('ring-no-decay', seed);
        rows.push({ seed, decay: decay.cycleOrderScore, none: none.cycleOrderScore, data: decay.dataCycleOrderScore });
        if (decay.cycleOrderScore >= 0.9) closed++;
        // The bench's time-to-effect test agrees with the claim's threshold, both ways.
        expect(bowsLab.effect.holds(decay as unknown as Metrics)).toBe(decay.cycleOrderScore >= 0.9);
        expect(bowsLab.effect.holds(none as unknown as Metrics)).toBe(none.cycleOrderScore >= 0.9);
        if (none.cycleOrderScore >= 0.9) closedNoDecay++;
        // The data carries the ring whatever the model does.
        expect(decay.dataCycleOrderScore).toBe(1);
        expect(none.dataCycleOrderScore).toBe(1);
        // Similarity falls with distance around the ring, for the model with decay and for the data.
        const sim = decay.similarityByDistance.ring!;
        expect(sim.model).toHaveLength(6);
        for (let d = 1; d < 6; d++) {
          expect(sim.model[d]!).toBeLessThan(sim.model[d - 1]!);
          expect(sim.dataPmi[d]!).toBeLessThan(sim.dataPmi[d - 1]!);
        }
      }
      console.log(`[bows ring] ${JSON.stringify(rows)}`);
      // Measured (wasm, 3,000 steps): 1.00 on all of seeds 1–5 with λ=6; 0.17, 0.42, 0.25, 0.17, 0.33 with λ=0.
      expect(closed).toBeGreaterThanOrEqual(FULL ? SEEDS.length - 1 : SEEDS.length);
      expect(closedNoDecay).toBeLessThanOrEqual(FULL ? 1 : 0);
      const mean = (k: 'decay' | 'none') => rows.reduce((s, r) => s + r[k]!, 0) / rows.length;
      expect(mean('none')).toBeLessThan(mean('decay') - 0.4);
    },
    40_000 * SEEDS.length,
  );
});
