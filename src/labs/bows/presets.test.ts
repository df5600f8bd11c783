import { describe, expect, it } from 'vitest';
import { LABS } from '../registry';
import { parseArgs } from '../../cli/args';
import { bowsLab } from '.';
import { stepSeconds } from './step-estimate';

describe('bows presets', () => {
  it('paper carries the authors’ hyperparameters and parses for the runner', () => {
    const opts = parseArgs(['bows', '--preset', 'paper', '--steps', '20'], LABS);
    expect(opts.params).toMatchObject({
      data: 'brown',
      unit: 'records',
      window: 20,
      vocab: 10000,
      m: 1000,
      wd: 4,
      lr: 5e-4,
      lrEnd: 0,
      batch: 512,
      horizon: 32000,
    });
    expect(bowsLab.presets.find((p) => p.name === 'paper')!.steps).toBe(32000);
    expect(bowsLab.weightShapes(opts.params)).toEqual({ W: [1000, 10000], b: [1, 10000] });
    // The visible estimate: ~1.8 s per step in Node wasm at this size, ~24 ms at V=2000, m=128, batch 256.
    expect(stepSeconds(10000, 1000, 512)).toBeCloseTo(1.84, 1);
    expect(stepSeconds(2000, 128, 256)).toBeCloseTo(0.0235, 3);
  });

  it('every text preset says what was measured, and none promises a month ring', () => {
    for (const p of bowsLab.presets) {
      expect(p.description, p.name).toMatch(/Measured|measured|estimate|About/);
      expect(p.description, p.name).not.toMatch(/line up\./);
    }
    expect(bowsLab.presets.find((p) => p.name === 'months')!.description).toMatch(/do not close into a ring/);
  });
});
