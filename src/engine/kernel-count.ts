/**
 * Kernels (backend dispatches) per training step of a run, from tf.profile: a profile of `steps`
 * plain steps and one step that reads its loss, less the kernels of a lone step with its loss (the
 * last step of every `step(n)` call computes the loss, which plain steps do not). A run that batches
 * several steps into one dispatch needs `steps` well above its batch to count a fraction.
 */
import { tf } from './tf';
import type { Run } from './lab';

export const PROFILED_STEPS = 10;

export async function kernelsPerStep(run: Run, steps = PROFILED_STEPS): Promise<number> {
  const withLoss = (await tf.profile(() => run.step(1))).kernels.length;
  const total = (await tf.profile(() => run.step(steps + 1))).kernels.length;
  return (total - withLoss) / steps;
}
