/**
 * A lab's headline effect: the preset that shows its paper's result and a test of the page's metrics
 * that says when the result is on screen. `npm run bench` times page load → the test holding; the
 * contract tests check that it does not hold for an untrained model.
 */
import type { MetricValue, Metrics } from './run-types';

export interface HeadlineEffect {
  preset: string;
  /** What a viewer sees when it holds, in words (the bench prints it). */
  description: string;
  holds(metrics: Metrics): boolean;
}

/** The value at a path of keys inside metrics, or undefined. */
export function metricAt(metrics: Metrics, ...path: string[]): MetricValue | undefined {
  let value: MetricValue | undefined = metrics;
  for (const key of path) {
    if (value === undefined || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = value[key];
  }
  return value;
}

/** The finite number at a path, or NaN (so that every comparison with it is false). */
export function numberAt(metrics: Metrics, ...path: string[]): number {
  const v = metricAt(metrics, ...path);
  return typeof v === 'number' && Number.isFinite(v) ? v : NaN;
}

/** The flat list of finite numbers at a path, or an empty list. */
export function numbersAt(metrics: Metrics, ...path: string[]): number[] {
  const v = metricAt(metrics, ...path);
  return Array.isArray(v) && v.every((x): x is number => typeof x === 'number' && Number.isFinite(x)) ? v : [];
}
