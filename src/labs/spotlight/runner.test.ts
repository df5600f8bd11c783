import { describe, expect, it } from 'vitest';
import { LABS } from '../registry';
import { parseArgs } from '../../cli/args';
import { runLab } from '../../cli/runner';
import { spotlightLab } from '.';

describe('spotlight runner', () => {
  it('tanh-vs-isotropic (k=4): the tanh quantisation index is at least twice the isotropic one', async () => {
    const opts = parseArgs(['spotlight', '--preset', 'tanh-vs-isotropic'], LABS);
    // 800 of the preset's 1,500 steps keep the test inside its time budget; README gives 1,500.
    const result = await runLab({ lab: spotlightLab, params: opts.params, steps: 800, preset: 'tanh-vs-isotropic' });
    const m = result.metrics as {
      quantisationIndex: Record<string, number>;
      reconstructionError: Record<string, number>;
      srm: Record<string, number[]>;
      epsilon: number;
    };
    expect(m.epsilon).toBe(0.9);
    expect(Object.keys(m.quantisationIndex)).toEqual(['tanh', 'iso-tanh']);
    expect(m.srm.tanh).toHaveLength(360);
    expect(m.quantisationIndex.tanh!).toBeGreaterThanOrEqual(2 * m.quantisationIndex['iso-tanh']!);
    expect(Math.abs(m.quantisationIndex['iso-tanh']! - 1)).toBeLessThan(0.35);
    for (const v of Object.values(m.reconstructionError)) expect(v).toBeLessThan(0.06);
    expect(result.loss.at(-1)![1]).toBeLessThan(result.loss[0]![1]);
  }, 120_000);
});
