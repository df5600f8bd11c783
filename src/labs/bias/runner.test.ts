import { describe, expect, it } from 'vitest';
import type { Metrics } from '../../engine/lab';
import { LABS } from '../registry';
import { parseArgs } from '../../cli/args';
import { runLab } from '../../cli/runner';
import { biasLab } from '.';

type Keyed = Record<string, number>;
interface BiasResult {
  accuracy: Keyed;
  varianceExplained: Keyed;
  varianceRatio: number;
  scoredStep: number;
}

async function run(preset: string, extra: string[] = []): Promise<BiasResult> {
  const opts = parseArgs(['bias', '--preset', preset, ...extra], LABS);
  const result = await runLab({ lab: biasLab, params: opts.params, steps: opts.steps, preset });
  expect(result.steps).toBe(opts.steps);
  return result.metrics as unknown as BiasResult;
}

/** Joint training (easy-vs-hard) is shared by the complexity and the order claims. */
const joint = new Map<number, Promise<BiasResult>>();
const jointRun = (seed: number) => {
  if (!joint.has(seed)) joint.set(seed, run('easy-vs-hard', ['--seed', String(seed)]));
  return joint.get(seed)!;
};
const log = (label: string, rows: unknown) => console.log(`[bias] ${label}: ${JSON.stringify(rows)}`);

/** Every share is scored, on the balanced probe, once both features are ≥ 99% accurate. */
function expectScored(m: BiasResult): void {
  expect(Number.isFinite(m.scoredStep)).toBe(true);
  expect(m.accuracy.linear).toBeGreaterThanOrEqual(0.99);
  expect(m.accuracy.parity).toBeGreaterThanOrEqual(0.99);
}

// Seed 1 by default (three 4,000-step runs: ~35 s on a quiet core, ~55 s under load), as for the
// spotlight and intertwiner claims; `BIAS_SEEDS=1,2,3,4,5` (or `npm run repro`) runs the five seeds
// of the README's table, seed 4 as the expected failure below.
const SEEDS = (process.env.BIAS_SEEDS ?? '1').split(',').map(Number);
/**
 * Seeds where a claim is measured not to hold, kept as it.fails with the claim unloosened. Seed 4
 * learns the XOR late (step ~3,360) and its XOR share is 0.060: bit / XOR 7.8, and trained first
 * the XOR's share (0.086) is only 1.4× that.
 */
const COMPLEXITY_FAILS = [4];
const ORDER_FAILS = [4];

describe('bias runner', () => {
  for (const seed of SEEDS) {
    (COMPLEXITY_FAILS.includes(seed) ? it.fails : it)(
      `complexity, seed ${seed}: both features learned, the bit explains ≥ 10× the XOR's variance`,
      async () => {
        const m = await jointRun(seed);
        log(`easy-vs-hard seed ${seed}`, { ve: m.varianceExplained, ratio: m.varianceRatio, scoredStep: m.scoredStep });
        expectScored(m);
        expect(m.varianceRatio).toBeGreaterThanOrEqual(10);
        expect(biasLab.effect.holds(m as unknown as Metrics)).toBe(true); // the bench's time-to-effect test
      },
    );

    (ORDER_FAILS.includes(seed) ? it.fails : it)(
      `order, seed ${seed}: the XOR trained first takes ≥ 3× the share it takes when trained jointly`,
      async () => {
        const together = await jointRun(seed);
        const first = await run('learned-first', ['--seed', String(seed)]);
        log(`learned-first seed ${seed}`, {
          first: first.varianceExplained,
          joint: together.varianceExplained,
          scoredStep: first.scoredStep,
        });
        expectScored(together);
        expectScored(first);
        expect(first.varianceExplained.parity).toBeGreaterThanOrEqual(3 * together.varianceExplained.parity!);
      },
    );
  }

  it('prevalence: scored on the balanced probe, a bit that is 1 in 5% of training inputs is learned and represented more weakly than a common one', async () => {
    const rare = await run('prevalence');
    const common = await jointRun(1);
    log('prevalence seed 1', { rare: rare.varianceExplained, common: common.varianceExplained });
    expectScored(rare);
    // Measured (seed 1, 4,000 steps, init 0.2): 0.408 rare against 0.568 common. At He initialisation
    // the balanced probe reverses this (the rare bit is stronger on seeds 1–3); see the README.
    expect(rare.varianceExplained.linear).toBeLessThan(common.varianceExplained.linear!);
  });
});
