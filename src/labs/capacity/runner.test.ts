import { describe, expect, it } from 'vitest';
import { LABS } from '../registry';
import { parseArgs } from '../../cli/args';
import { runLab } from '../../cli/runner';
import { nodeRunContext } from '../../cli/node-context';
import { regimeOf, type Regime } from '../../analysis/capacity-allocation';
import { capacityLab } from '.';
import { runKurtosisSweepDetail, sweepResult } from './sweep';
import { kurtosisKey } from './sweep-metrics';
import { runLabSweep } from '../../cli/sweep-runner';

interface CapacityMetrics {
  capacity: number[];
  totalCapacity: number;
  regimeCounts: Record<Regime, number>;
  polysemanticFraction: number;
  importance: number[];
  marginalGain?: number[];
  blocks: number[][];
  blockDims: number[];
  singularValuesSquared: number[];
  kurtosis: number;
}

interface SweepMetrics {
  kurtosis: number[];
  polysemanticFraction: Record<string, number>;
  monosemanticFraction: Record<string, number>;
  ignoredFraction: Record<string, number>;
}

const run = async (preset: string, extra: string[] = []) => {
  const opts = parseArgs(['capacity', '--preset', preset, ...extra], LABS);
  const result = await runLab({ lab: capacityLab, params: opts.params, steps: opts.steps, preset });
  return { result, metrics: result.metrics as unknown as CapacityMetrics, params: opts.params };
};

const RANK: Record<Regime, number> = { mono: 0, poly: 1, ignored: 2 };

/**
 * Seeds of the single-model claims: seed 1 in `npm test`, where each claim must hold on it;
 * `CAPACITY_SEEDS=1,2,3` (or `npm run repro`) runs the seeds the README reports. The sweeps, whose
 * claims are across replicates inside one run, take seeds 1 and 2 there and seed 1 here.
 */
const SEEDS = (process.env.CAPACITY_SEEDS ?? '1').split(',');
const SWEEP_SEEDS = SEEDS.some((s) => s === '1' || s === '2') ? SEEDS.filter((s) => s === '1' || s === '2') : ['1'];

describe('capacity runner', () => {
  it(`regimes: important features monosemantic, then polysemantic, the least ignored (seeds ${SEEDS.join(', ')})`, async () => {
    for (const seed of SEEDS) {
      const { result, metrics, params } = await run('regimes', ['--seed', seed]);
      expect(capacityLab.effect.holds(result.metrics)).toBe(true); // the bench's time-to-effect test
      const m = params.m as number;
      const c = metrics.capacity;
      expect(c).toHaveLength(20);
      const regimes = c.map(regimeOf);
      // Monotone: mono → poly → ignored along decreasing importance.
      for (let i = 1; i < c.length; i++) expect(RANK[regimes[i]!]).toBeGreaterThanOrEqual(RANK[regimes[i - 1]!]);
      expect(regimes.slice(0, 2)).toEqual(['mono', 'mono']);
      expect(regimes.slice(-10).every((r) => r === 'ignored')).toBe(true);
      expect(metrics.regimeCounts.poly).toBeGreaterThanOrEqual(2);
      expect(metrics.regimeCounts.mono + metrics.regimeCounts.poly + metrics.regimeCounts.ignored).toBe(20);
      expect(metrics.polysemanticFraction).toBeCloseTo(metrics.regimeCounts.poly / 20, 12);
      expect(metrics.totalCapacity).toBeLessThanOrEqual(m + 1e-6);
      expect(metrics.totalCapacity).toBeGreaterThan(m - 0.1); // every dimension is used
      // Fractional features share the marginal gain per unit capacity far more evenly than their
      // importances² differ: capacity is allocated so that it (roughly) equalises.
      const poly = regimes.flatMap((r, i) => (r === 'poly' ? [i] : []));
      const gains = poly.map((i) => metrics.marginalGain![i]!);
      const gainRatio = Math.max(...gains) / Math.min(...gains);
      const v2Ratio = (metrics.importance[poly[0]!]! / metrics.importance[poly.at(-1)!]!) ** 2;
      expect(gainRatio).toBeLessThan(0.5 * v2Ratio);
      // The clearly monosemantic features (C > 0.97) are blocks of their own; the polysemantic
      // ones share blocks.
      for (const [i, ci] of c.entries()) if (ci > 0.97) expect(metrics.blocks).toContainEqual([i]);
      for (const i of poly) expect(metrics.blocks.find((b) => b.includes(i))!.length).toBeGreaterThanOrEqual(2);
      // Blocks come from the SVD: a shared block spans fewer dimensions than it has features, and
      // all blocks together span at most the m dimensions (Σ σ² = Σ ‖W_i‖² of the kept features).
      metrics.blocks.forEach((b, k) => {
        if (b.length > 1) expect(metrics.blockDims[k]!).toBeLessThan(b.length - 0.5);
        else expect(Math.abs(metrics.blockDims[k]! - 1)).toBeLessThan(0.15); // seed 1's feature 2 (C = 0.90): 0.91
      });
      expect(metrics.blockDims.reduce((s, d) => s + d, 0)).toBeLessThanOrEqual(m + 1e-6);
      expect(metrics.singularValuesSquared).toHaveLength(m);
      expect(result.loss.at(-1)![1]).toBeLessThan(result.loss[0]![1]);
    }
  });

  it(`kurtosis-sweep preset, one model (5,000 steps): the top feature has clearly more capacity than the second (seeds ${SEEDS.join(', ')})`, async () => {
    // At the population optimum (closed-form loss minimised numerically) C = 0.92, 0.73, 0.55,
    // 0.40, 0.26, 0.13, 0.02, 0, 0, 0; at 2,000 steps seed 1 still had C₀ = C₁ = 0.77.
    for (const seed of SEEDS) {
      const { result, metrics } = await run('kurtosis-sweep', ['--seed', seed]);
      expect(result.steps).toBe(5000);
      const [c0, c1] = metrics.capacity as [number, number];
      expect(c0).toBeGreaterThan(0.8);
      expect(c0 - c1).toBeGreaterThan(0.1);
    }
  });

  it(`dense (kurtosis 1.5): no polysemantic features, m monosemantic ones (seeds ${SWEEP_SEEDS.join(', ')})`, async () => {
    for (const seed of SWEEP_SEEDS) {
      const { metrics } = await run('dense', ['--seed', seed]);
      expect(metrics.regimeCounts).toEqual({ mono: 5, poly: 0, ignored: 15 });
      expect(metrics.totalCapacity).toBeLessThanOrEqual(5 + 1e-6);
    }
  });

  it('kurtosis sweep: high kurtosis gives a larger polysemantic fraction than low, in every replicate', async () => {
    const params = parseArgs(['capacity', '--preset', 'kurtosis-sweep'], LABS).params;
    for (const seed of SWEEP_SEEDS.map(Number)) {
      const progress: number[] = [];
      const detail = await runKurtosisSweepDetail(params, nodeRunContext(seed), (f) => progress.push(f), {
        points: 2,
        replicates: 4,
        steps: 1500,
      });
      expect(detail.kurtosis[0]).toBeCloseTo(1.2, 6);
      expect(detail.kurtosis[1]).toBeCloseTo(30, 6);
      const [low, high] = detail.poly as [number[], number[]];
      for (let r = 0; r < 4; r++) expect(high[r]!).toBeGreaterThan(low[r]!);
      const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
      expect(mean(high) - mean(low)).toBeGreaterThanOrEqual(0.5);
      expect(progress.at(-1)).toBe(1);
      const result = sweepResult(detail);
      const polySeries = result.series!.find((s) => s.label === 'polysemantic')!;
      expect(polySeries.y[1]! - polySeries.y[0]!).toBeCloseTo(mean(high) - mean(low), 12);
      expect(polySeries.spread).toHaveLength(2);
    }
  });

  it('relu model: runs, reports capacity, and its sweep shows the same trend', async () => {
    const { metrics } = await run('regimes', ['--model', 'relu', '--steps', '300']);
    expect(metrics.capacity).toHaveLength(20);
    expect(metrics.capacity.every(Number.isFinite)).toBe(true);
    expect(metrics.marginalGain).toBeUndefined();
    expect(metrics.kurtosis).toBeCloseTo(8, 6);
    const params = parseArgs(['capacity', '--preset', 'kurtosis-sweep', '--model', 'relu'], LABS).params;
    const detail = await runKurtosisSweepDetail(params, nodeRunContext(3), () => {}, { points: 2, replicates: 3, steps: 1000 });
    const [low, high] = detail.poly as [number[], number[]];
    for (let r = 0; r < 3; r++) expect(high[r]!).toBeGreaterThan(low[r]!);
  });

  it('rejects out-of-range kurtosis and unknown models', () => {
    expect(() => parseArgs(['capacity', '--kurtosis', '500'], LABS)).toThrow(/outside/);
    expect(() => parseArgs(['capacity', '--model', 'cubic'], LABS)).toThrow();
  });
});

describe('capacity runner, --mode sweep', () => {
  it(`kurtosis-sweep preset: polysemantic fraction ≈ 0 below K = 3, ≈ 1 at high K, keyed by kurtosis (seeds ${SWEEP_SEEDS.join(', ')})`, async () => {
    for (const seed of SWEEP_SEEDS) {
      const opts = parseArgs(['capacity', '--preset', 'kurtosis-sweep', '--mode', 'sweep', '--seed', seed], LABS);
      expect(opts.mode).toBe('sweep');
      expect(opts.steps).toBe(capacityLab.sweep!.defaultSteps);
      const result = await runLabSweep({ lab: capacityLab, params: opts.params, steps: opts.steps, preset: 'kurtosis-sweep' });
      const metrics = result.metrics as unknown as SweepMetrics;
      expect(result.mode).toBe('sweep');
      expect(metrics.kurtosis).toHaveLength(8);
      const keys = metrics.kurtosis.map(kurtosisKey);
      expect(Object.keys(metrics.polysemanticFraction)).toEqual(keys);
      const poly = keys.map((k) => metrics.polysemanticFraction[k]!);
      for (const [i, k] of metrics.kurtosis.entries()) {
        const total = poly[i]! + metrics.monosemanticFraction[keys[i]!]! + metrics.ignoredFraction[keys[i]!]!;
        expect(total).toBeCloseTo(1, 12);
        // Below the Gaussian's K = 3 capacity is all-or-nothing; well above it nearly every feature shares.
        if (k < 2.9) expect(poly[i]).toBeLessThanOrEqual(0.05);
        if (k > 10) expect(poly[i]).toBeGreaterThanOrEqual(0.9);
      }
      // Rises with kurtosis (up to one feature in one replicate of noise).
      for (let i = 1; i < poly.length; i++) expect(poly[i]!).toBeGreaterThanOrEqual(poly[i - 1]! - 0.05);
      expect(poly.at(-1)! - poly[0]!).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('refuses an unknown --mode, and --mode sweep for a lab without a sweep', () => {
    expect(() => parseArgs(['capacity', '--mode', 'grid'], LABS)).toThrow(/--mode "grid" must be one of train, sweep/);
    const noSweep = LABS.find((lab) => !lab.sweep)!;
    expect(() => parseArgs([noSweep.id, '--mode', 'sweep'], LABS)).toThrow(/has no sweep/);
  });
});
