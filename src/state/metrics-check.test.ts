import { describe, expect, it } from 'vitest';
import { metricsFinite } from './metrics-check';

describe('metricsFinite', () => {
  it('accepts finite numbers, strings, arrays and nested records', () => {
    expect(metricsFinite({ a: 1, b: 'x', c: [[1], [2, 3]], d: { e: 4 } })).toBeNull();
  });
  it('names the first non-finite value by its path', () => {
    expect(metricsFinite({ a: 1, r2: { bit: 0.2, xor: NaN } })).toBe('r2.xor');
    expect(metricsFinite({ rows: [[1, 2], [3, Infinity]] })).toBe('rows[1][1]');
  });
});
