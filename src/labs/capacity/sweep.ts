/**
 * Kurtosis sweep: a row of models, one per (kurtosis, replicate), trained together in one batched
 * graph with the current n, m, importance decay and model; each model's features are classified
 * by capacity and the polysemantic fraction is plotted against kurtosis (mean ± sd over replicates,
 * each replicate with its own initial weights and data).
 */
import type { Params, RunContext } from '../../engine/lab';
import { num } from '../../engine/params';
import type { SweepResult, SweepSpec } from '../../engine/sweep';
import { capacity } from '../../analysis/dimensionality';
import { MIN_KURTOSIS } from '../../analysis/kurtosis';
import { regimeCounts } from '../../analysis/capacity-allocation';
import { importances, inputSetting, modelKind } from './config';
import { weightMatrix } from './metrics';
import { kurtosisSweepMetrics } from './sweep-metrics';

export interface SweepOptions {
  /** Number of kurtosis values, log-spaced over [max(1.2, family minimum), maxKurtosis]. */
  points: number;
  replicates: number;
  steps: number;
  maxKurtosis: number;
  /** Upper bound on the batch (the sweep trains many models at once). */
  maxBatch: number;
}

export const DEFAULT_SWEEP: SweepOptions = { points: 8, replicates: 4, steps: 2000, maxKurtosis: 30, maxBatch: 256 };
const CHUNK = 100;

export interface SweepDetail {
  /** The generators' real kurtosis per point. */
  kurtosis: number[];
  /** [point][replicate] fraction of features in each regime. */
  poly: number[][];
  mono: number[][];
  ignored: number[][];
}

function logSpace(lo: number, hi: number, count: number): number[] {
  if (count === 1) return [lo];
  return Array.from({ length: count }, (_, i) => lo * (hi / lo) ** (i / (count - 1)));
}

function meanSd(values: number[]): [number, number] {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return [mean, Math.sqrt(variance)];
}

export async function runKurtosisSweepDetail(
  params: Params,
  ctx: RunContext,
  onProgress: (fraction: number) => void,
  options: Partial<SweepOptions> = {},
): Promise<SweepDetail> {
  const opts = { ...DEFAULT_SWEEP, ...options };
  const n = num(params, 'n');
  const m = num(params, 'm');
  const v = importances(n, num(params, 'importance'));
  const family = inputSetting(params).distribution;
  const lo = Math.max(1.2, MIN_KURTOSIS[family]);
  const settings = logSpace(lo, Math.max(lo * 1.01, opts.maxKurtosis), opts.points).map((k) => inputSetting(params, k));
  const G = settings.length * opts.replicates;
  const perModel = settings.flatMap((s) => Array.from({ length: opts.replicates }, () => s));
  const common = { models: G, n, m, batch: Math.min(num(params, 'batch'), opts.maxBatch), lr: num(params, 'lr') };
  const [{ createToyModel }, { createQuadraticModel }] = await Promise.all([import('../../nn/toy-model'), import('./model')]);
  const run =
    modelKind(params) === 'relu'
      ? createToyModel({ ...common, sparsity: perModel.map((s) => s.shape), importance: perModel.map(() => v) }, ctx.rng)
      : createQuadraticModel({ ...common, inputs: perModel, importance: perModel.map(() => v) }, ctx.rng);
  try {
    for (let done = 0; done < opts.steps; done += CHUNK) {
      const k = Math.min(CHUNK, opts.steps - done);
      run.step(k);
      await run.loss();
      onProgress((done + k) / opts.steps);
    }
    const snap = await run.snapshot();
    const detail: SweepDetail = { kurtosis: settings.map((s) => s.kurtosis), poly: [], mono: [], ignored: [] };
    settings.forEach((_, p) => {
      const row = { poly: [] as number[], mono: [] as number[], ignored: [] as number[] };
      for (let r = 0; r < opts.replicates; r++) {
        const counts = regimeCounts(capacity(weightMatrix(snap, p * opts.replicates + r)));
        row.poly.push(counts.poly / n);
        row.mono.push(counts.mono / n);
        row.ignored.push(counts.ignored / n);
      }
      detail.poly.push(row.poly);
      detail.mono.push(row.mono);
      detail.ignored.push(row.ignored);
    });
    return detail;
  } finally {
    run.dispose();
  }
}

export function sweepResult(detail: SweepDetail): SweepResult {
  const series = (label: string, rows: number[][]) => {
    const stats = rows.map(meanSd);
    return { label, x: detail.kurtosis, y: stats.map((s) => s[0]), spread: stats.map((s) => s[1]) };
  };
  return {
    xLabel: 'kurtosis K',
    yLabel: 'fraction of features',
    xValues: detail.kurtosis,
    yValues: [],
    cells: [],
    classes: [],
    series: [series('polysemantic', detail.poly), series('monosemantic', detail.mono), series('ignored', detail.ignored)],
  };
}

export async function runKurtosisSweep(
  params: Params,
  ctx: RunContext,
  onProgress: (fraction: number) => void,
  options: Partial<SweepOptions> = {},
): Promise<SweepResult> {
  return sweepResult(await runKurtosisSweepDetail(params, ctx, onProgress, options));
}

export const kurtosisSweep: SweepSpec = {
  title: 'Polysemantic fraction against kurtosis',
  run: (params, ctx, onProgress, steps) => runKurtosisSweep(params, ctx, onProgress, steps === undefined ? {} : { steps }),
  defaultSteps: DEFAULT_SWEEP.steps,
  metrics: kurtosisSweepMetrics,
};
