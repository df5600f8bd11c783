/**
 * Picks the faster backend by timing the lab's own training step (DESIGN §3: choose by a short
 * measured probe). Measured on an H100 through Dawn, tfjs-webgpu ran the superposition `decay`
 * model at 9.6 ms/step against 0.37 ms/step on wasm: small models are bound by per-kernel
 * dispatch cost, so a hardware adapter alone does not make WebGPU the better choice.
 */
import type { Run } from './lab';
import type { BackendName } from './backend-names';

export interface ProbeTiming {
  backend: BackendName;
  msPerStep: number;
}

/** ms per step after a warm-up (shader compilation, first allocation), within a time budget. */
export async function timeSteps(run: Run, budgetMs = 250, warmup = 3): Promise<number> {
  run.step(warmup);
  await run.loss();
  let steps = 0;
  const t0 = performance.now();
  while (steps < 200 && (steps === 0 || performance.now() - t0 < budgetMs)) {
    run.step(5);
    await run.loss();
    steps += 5;
  }
  return (performance.now() - t0) / steps;
}

/** Times each candidate in turn (activate → make a run → time it → dispose) and returns all timings, fastest first. */
export async function probeBackends(
  candidates: readonly BackendName[],
  activate: (backend: BackendName) => Promise<boolean>,
  makeRun: () => Promise<Run>,
  budgetMs = 250,
): Promise<ProbeTiming[]> {
  const timings: ProbeTiming[] = [];
  for (const backend of candidates) {
    if (!(await activate(backend))) continue;
    const run = await makeRun();
    try {
      const ms = await timeSteps(run, budgetMs);
      if (Number.isFinite(ms)) timings.push({ backend, msPerStep: ms });
    } catch {
      // A backend that cannot run this model simply loses the comparison.
    } finally {
      run.dispose();
    }
  }
  return timings.sort((a, b) => a.msPerStep - b.msPerStep);
}
