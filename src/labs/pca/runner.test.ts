/**
 * The known answer (Baldi & Hornik 1989), measured: trained by Adam with hand-written gradients,
 * the decoder's span reaches the top-k principal subspace (alignment ≥ 0.95) and the expected loss
 * reaches Σ_{i≥k} λ_i, while the untrained model and random subspaces sit near the null k/d.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LABS } from '../registry';
import { parseArgs } from '../../cli/args';
import { runLab } from '../../cli/runner';
import { activateNodeBackend } from '../../cli/node-backend';
import { nodeRunContext } from '../../cli/node-context';
import { createRng } from '../../engine/rng';
import { subspaceAlignment } from './subspace';
import { pcaLab } from '.';

interface PcaMetrics {
  alignment: number;
  captured: number[];
  expectedLoss: number;
  optimumLoss: number;
  excessLoss: number;
  nullAlignment: number;
}

const STEPS = 1000;

beforeAll(async () => {
  await activateNodeBackend('wasm');
});

describe('pca runner: a linear autoencoder finds the principal subspace', () => {
  it.each([1, 2, 3])(
    'seed %i: alignment ≥ 0.95 after 1,000 steps; untrained and random subspaces ≤ 0.5; loss within 5% of Σ_{i≥k} λ_i',
    async (seed) => {
      const opts = parseArgs(['pca', '--preset', 'top-3', '--seed', String(seed)], LABS);
      const { params } = opts;

      // The nulls: the untrained model, and random k-dim subspaces against the same basis.
      const run = await pcaLab.createRun(params, nodeRunContext(seed));
      const untrained = pcaLab.metrics(await run.snapshot(), params, run.staticData) as unknown as PcaMetrics;
      const basis = run.staticData.basis!.data;
      run.dispose();
      const d = 8;
      const k = 3;
      const rng = createRng(1000 + seed);
      const randoms = Array.from({ length: 20 }, () =>
        subspaceAlignment(
          Array.from({ length: d * k }, () => rng.normal()),
          d,
          k,
          basis,
        ),
      );

      const result = await runLab({ lab: pcaLab, params, steps: STEPS, preset: 'top-3' });
      const m = result.metrics as unknown as PcaMetrics;
      expect(result.diverged).toBeUndefined();
      expect(m.nullAlignment).toBeCloseTo(k / d, 12);
      expect(untrained.alignment).toBeLessThanOrEqual(0.5);
      expect(Math.max(...randoms)).toBeLessThanOrEqual(0.75);
      expect(randoms.reduce((s, v) => s + v, 0) / randoms.length).toBeLessThanOrEqual(0.5);
      expect(m.alignment).toBeGreaterThanOrEqual(0.95);
      expect(pcaLab.effect.holds(result.metrics)).toBe(true); // the bench's time-to-effect test
      // The top-k directions are captured, the rest are not.
      for (let i = 0; i < d; i++) {
        if (i < k) expect(m.captured[i]!).toBeGreaterThan(0.95);
        else expect(m.captured[i]!).toBeLessThan(0.05);
      }
      expect(m.optimumLoss).toBeCloseTo((0.5 ** 3 * (1 - 0.5 ** 5)) / 0.5, 6);
      expect(Math.abs(m.expectedLoss / m.optimumLoss - 1)).toBeLessThanOrEqual(0.05);
      expect(untrained.expectedLoss).toBeGreaterThan(1.5 * m.optimumLoss);
      // The training loss is one batch's: noisier, but near the same optimum.
      expect(Math.abs(result.finalLoss / m.optimumLoss - 1)).toBeLessThanOrEqual(0.2);
    },
  );

  it('learning rate 10 diverges and is caught by the blow-up rule', async () => {
    const opts = parseArgs(['pca', '--preset', 'top-3', '--lr', '10'], LABS);
    const result = await runLab({ lab: pcaLab, params: opts.params, steps: 50 });
    expect(result.diverged?.reason).toMatch(/over 10,000×/);
  });
});
