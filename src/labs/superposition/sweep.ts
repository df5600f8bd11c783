/**
 * Phase diagram (the toy-models paper's n=2, m=1 case): feature 0 has importance 1, feature 1 a
 * relative importance on the x axis; both share the sparsity on the y axis. Every cell is its own
 * model; all cells train together in one batched graph. Each cell is classified by what happened
 * to feature 1: ignored, given the dimension alone, or superposed with feature 0.
 */
import type { Params, RunContext } from '../../engine/lab';
import { num } from '../../engine/params';
import type { SweepResult, SweepSpec } from '../../engine/sweep';

export const PHASE_CLASSES = ['represented', 'superposed', 'ignored'] as const;

const GRID = 12;
const STEPS = 1500;
const CHUNK = 100;
/** Below this norm a feature counts as not represented. */
const PRESENT = 0.5;

function logSpace(lo: number, hi: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => lo * (hi / lo) ** (i / (count - 1)));
}

export function classifyCell(norm0: number, norm1: number): number {
  if (norm1 < PRESENT) return 2;
  return norm0 < PRESENT ? 0 : 1;
}

export async function runPhaseDiagram(
  params: Params,
  ctx: RunContext,
  onProgress: (fraction: number) => void,
  steps = STEPS,
): Promise<SweepResult> {
  const relImportance = logSpace(0.1, 10, GRID);
  const density = logSpace(1, 0.01, GRID); // 1 − S
  const sparsity: number[] = [];
  const importance: number[][] = [];
  for (const d of density) {
    for (const r of relImportance) {
      sparsity.push(1 - d);
      importance.push([1, r]);
    }
  }
  const { createToyModel } = await import('../../nn/toy-model');
  const run = createToyModel({ models: GRID * GRID, n: 2, m: 1, batch: 256, lr: num(params, 'lr'), sparsity, importance }, ctx.rng);
  try {
    for (let done = 0; done < steps; done += CHUNK) {
      const k = Math.min(CHUNK, steps - done);
      run.step(k);
      await run.loss();
      onProgress((done + k) / steps);
    }
    const snap = await run.snapshot();
    const w = snap.weights.W!.data;
    const cells = Array.from({ length: GRID * GRID }, (_, g) => classifyCell(Math.abs(w[2 * g]!), Math.abs(w[2 * g + 1]!)));
    return {
      xLabel: 'relative importance of feature 2',
      yLabel: 'feature density 1 − S',
      xValues: relImportance,
      yValues: density,
      cells,
      classes: [...PHASE_CLASSES],
    };
  } finally {
    run.dispose();
  }
}

export const phaseDiagram: SweepSpec = { title: 'Phase diagram (n=2, m=1)', run: runPhaseDiagram, defaultSteps: STEPS };
