/** When a tour step's condition to advance holds: a training step reached, or a metric crossing a value. */
import type { MetricValue, Metrics } from '../engine/lab';
import type { Advance } from './schema';

/** A number at a dotted path in the lab's metrics (`loss` is the snapshot's loss); null when there is none. */
export function metricAt(metrics: Metrics | null, path: string, loss?: number): number | null {
  if (path === 'loss') return loss !== undefined && Number.isFinite(loss) ? loss : null;
  let value: MetricValue | undefined = undefined;
  for (const [i, part] of path.split('.').entries()) {
    const from: MetricValue | Metrics | undefined = i === 0 ? (metrics ?? undefined) : value;
    if (from === undefined || typeof from !== 'object') return null;
    value = Array.isArray(from)
      ? /^\d+$/.test(part)
        ? from[Number(part)]
        : undefined
      : Object.hasOwn(from, part)
        ? from[part]
        : undefined;
  }
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export interface RunView {
  step: number;
  metrics: Metrics | null;
  loss?: number;
}

/** True once the condition holds (a metric condition also gives up at its `maxStep`). */
export function advanceReached(advance: Advance, run: RunView): boolean {
  if (advance.until === 'step') return run.step >= advance.step;
  if (advance.maxStep !== undefined && run.step >= advance.maxStep) return true;
  const value = metricAt(run.metrics, advance.metric, run.loss);
  if (value === null) return false;
  return advance.above !== undefined ? value > advance.above : value < advance.below!;
}

/** How the panel states the condition, e.g. "trains until step 3,000". */
export function describeAdvance(advance: Advance): string {
  const then = advance.then === 'next' ? ', then moves on' : ', then pauses';
  if (advance.until === 'step') return `trains until step ${advance.step.toLocaleString('en')}${then}`;
  const bound = advance.above !== undefined ? `rises above ${advance.above}` : `falls below ${advance.below}`;
  return `trains until ${advance.metric} ${bound}${advance.maxStep ? ` (at most ${advance.maxStep.toLocaleString('en')} steps)` : ''}${then}`;
}
