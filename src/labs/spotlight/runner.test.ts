import { describe, expect, it } from 'vitest';
import { LABS } from '../registry';
import { parseArgs } from '../../cli/args';
import { runLab } from '../../cli/runner';
import { spotlightLab } from '.';

type Band = { value: number; nullMean: number; nullLow: number; nullHigh: number; z: number };

describe('spotlight runner', () => {
  // One seed at the preset's full 3,000 steps keeps the file near a minute; seeds 1–5 are in the README.
  it('tanh-vs-isotropic (k=4, seed 1): tanh lies outside its rotation null’s 95% band, isotropic tanh within ±10% of its null mean', async () => {
    const opts = parseArgs(['spotlight', '--preset', 'tanh-vs-isotropic', '--seed', '1'], LABS);
    const result = await runLab({ lab: spotlightLab, params: opts.params, steps: opts.steps, preset: 'tanh-vs-isotropic' });
    expect(result.steps).toBe(3000);
    const m = result.metrics as { anisotropy: Record<string, Band>; reconstructionError: Record<string, number>; srm: Record<string, number[]>; srmSd: Record<string, number[]>; epsilon: number };
    expect(m.epsilon).toBe(0.9);
    expect(Object.keys(m.anisotropy)).toEqual(['tanh', 'iso-tanh']);
    expect(m.srm.tanh).toHaveLength(360);
    expect(m.srmSd.tanh).toHaveLength(360);
    const t = m.anisotropy.tanh!;
    const iso = m.anisotropy['iso-tanh']!;
    expect(t.value < t.nullLow || t.value > t.nullHigh).toBe(true);
    expect(Math.abs(iso.value / iso.nullMean - 1)).toBeLessThan(0.1);
    for (const v of Object.values(m.reconstructionError)) expect(v).toBeLessThan(0.06);
    expect(result.loss.at(-1)![1]).toBeLessThan(result.loss[0]![1]);
  }, 240_000);
});
