import type { MetricValue, Metrics } from '../engine/lab';

/**
 * The path (e.g. `r2.xor`) of the first metric number that was finite in `before` and is NaN or
 * infinite in `after`, or null. Some metrics are NaN by design while they do not apply (no loss read
 * yet, no month in the vocabulary); a finite metric that turns non-finite means the run diverged.
 */
export function metricBroken(before: Metrics | null, after: Metrics): string | null {
  if (!before) return null;
  const walk = (prev: MetricValue | undefined, next: MetricValue, path: string): string | null => {
    if (prev === undefined) return null;
    if (typeof next === 'number') return typeof prev === 'number' && Number.isFinite(prev) && !Number.isFinite(next) ? path : null;
    if (typeof next === 'string' || typeof prev !== 'object') return null;
    if (Array.isArray(next)) {
      if (!Array.isArray(prev) || prev.length !== next.length) return null;
      for (let i = 0; i < next.length; i++) {
        const hit = walk(prev[i], next[i]!, `${path}[${i}]`);
        if (hit !== null) return hit;
      }
      return null;
    }
    if (Array.isArray(prev)) return null;
    for (const [k, v] of Object.entries(next)) {
      const hit = walk(Object.prototype.hasOwnProperty.call(prev, k) ? prev[k] : undefined, v, path ? `${path}.${k}` : k);
      if (hit !== null) return hit;
    }
    return null;
  };
  return walk(before, after, '');
}
