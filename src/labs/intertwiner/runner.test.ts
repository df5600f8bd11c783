import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LABS } from '../registry';
import { parseArgs } from '../../cli/args';
import { runLab, type RunnerResult } from '../../cli/runner';
import { intertwinerLab } from '.';

type ByMap = Record<string, number>;
type ByAct = Record<string, ByMap>;

const SEEDS = [1, 2];
const STEPS = 300;
const results = new Map<number, RunnerResult>();

beforeAll(async () => {
  for (const seed of SEEDS) {
    const opts = parseArgs(['intertwiner', '--preset', 'relu-vs-isotropic', '--seed', String(seed)], LABS);
    results.set(seed, await runLab({ lab: intertwinerLab, params: opts.params, steps: STEPS, preset: 'relu-vs-isotropic' }));
  }
}, 240_000);

const metric = (seed: number, key: string) => (results.get(seed)!.metrics as Record<string, unknown>)[key] as ByAct;

/** Share of the orthogonal map's gain over the identity recovered by the best permutation-type map. */
function share(r: ByMap): number {
  const best = Math.min(r.permutation!, r['scaled-permutation']!, r['signed-permutation']!);
  return (r.identity! - best) / (r.identity! - r.orthogonal!);
}

describe('intertwiner runner (relu-vs-isotropic, h = 64, 300 steps, seeds 1 and 2)', () => {
  it('trains both pairs, and a general linear map stitches A onto B at B’s own accuracy', () => {
    for (const seed of SEEDS) {
      const acc = metric(seed, 'accuracy') as unknown as Record<string, number[]>;
      const stitched = metric(seed, 'stitchedAccuracy');
      const residual = metric(seed, 'residual');
      for (const act of ['relu', 'iso-tanh']) {
        for (const a of acc[act]!) expect(a).toBeGreaterThan(0.85);
        // Unaligned networks do not fit together; the linear map does.
        expect(residual[act]!.identity).toBeGreaterThan(1.2);
        expect(stitched[act]!.identity).toBeLessThan(0.35);
        expect(stitched[act]!.linear).toBeGreaterThan(acc[act]![1]! - 0.03);
        expect(residual[act]!.linear).toBeLessThanOrEqual(residual[act]!.orthogonal! + 1e-3);
      }
    }
  });

  it('isotropic tanh: a rotation alone aligns the layers (its intertwiner group is O(n))', () => {
    for (const seed of SEEDS) {
      const r = metric(seed, 'residual')['iso-tanh']!;
      expect(r.orthogonal).toBeLessThan(0.1);
      expect((r.identity! - r.orthogonal!) / (r.identity! - r.linear!)).toBeGreaterThan(0.97);
    }
  });

  // The claim: the permutation-type maps recover a much larger share of the orthogonal map's
  // gain for ReLU than for isotropic tanh. At this scale it does NOT reproduce (measured, seeds 1/2,
  // layer 1: ReLU ≈ 0.78, isotropic tanh ≈ 0.74; wider h = 128 or 1500 steps do not separate them
  // either): the trained hidden layers are effectively low-dimensional, so for a rotated copy too
  // the best neuron matching correlates ≈ 0.7. The assertion is kept as the claim states it and
  // marked as an expected failure, so it turns red the day the claim starts to hold.
  it('computes the permutation-type shares for both activations (so the expected failure below is the claim, not a crash)', () => {
    for (const seed of SEEDS) {
      const r = metric(seed, 'residual');
      for (const act of ['relu', 'iso-tanh']) {
        const s = share(r[act]!);
        expect(Number.isFinite(s)).toBe(true);
        expect(s).toBeGreaterThan(0);
        expect(s).toBeLessThan(2);
      }
    }
  });

  it.fails('permutation-type maps recover much more of the orthogonal gain for ReLU than for isotropic tanh', () => {
    const shares = SEEDS.map((seed) => {
      const r = metric(seed, 'residual');
      return { seed, relu: share(r.relu!), iso: share(r['iso-tanh']!) };
    });
    console.info(`permutation shares (layer 1): ${JSON.stringify(shares)}`);
    for (const s of shares) expect(s.relu).toBeGreaterThan(s.iso + 0.25);
  });

  it('reports the shares and every map for both layers', () => {
    for (const seed of SEEDS) {
      const m = results.get(seed)!.metrics as Record<string, unknown>;
      const shares = m.permutationShare as Record<string, number>;
      expect(shares.relu).toBeCloseTo(share(metric(seed, 'residual').relu!), 4);
      const byLayer = m.byLayer as Record<string, { residual: ByAct; stitchedAccuracy: ByAct }>;
      expect(Object.keys(byLayer)).toEqual(['1', '2']);
      expect(Object.keys(byLayer['2']!.residual.relu!)).toEqual(['identity', 'permutation', 'scaled-permutation', 'signed-permutation', 'orthogonal', 'linear']);
      expect(m.fitStep).toBe(STEPS);
    }
  });

  it('runs from the command line and writes the result file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'lab-')), 'r.json');
    execFileSync('npx', ['tsx', '--import', './scripts/node-hooks.mjs', 'src/cli/run.ts', 'intertwiner', '--preset', 'relu-vs-isotropic', '--hidden', '16', '--steps', '20', '--out', out]);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result).toMatchObject({ lab: 'intertwiner', steps: 20 });
    expect(Object.keys(result.metrics.residual)).toEqual(['relu', 'iso-tanh']);
    expect(result.metrics.stitchedAccuracy.relu.linear).toBeGreaterThan(0.3);
  }, 60_000);
});
