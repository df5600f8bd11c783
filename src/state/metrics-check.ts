import type { MetricValue, Metrics } from '../engine/lab';

/** The path of the first metric number that is NaN or infinite (e.g. `r2.bit`), or null if all are finite. */
export function metricsFinite(metrics: Metrics): string | null {
  const walk = (value: MetricValue, path: string): string | null => {
    if (typeof value === 'number') return Number.isFinite(value) ? null : path;
    if (typeof value === 'string') return null;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const hit = walk(value[i]!, `${path}[${i}]`);
        if (hit !== null) return hit;
      }
      return null;
    }
    for (const [k, v] of Object.entries(value)) {
      const hit = walk(v, path ? `${path}.${k}` : k);
      if (hit !== null) return hit;
    }
    return null;
  };
  return walk(metrics, '');
}
