import { describe, expect, it } from 'vitest';
import { metricBroken } from './metrics-check';

describe('metricBroken', () => {
  it('is null when nothing turned non-finite, including metrics that are NaN by design', () => {
    expect(metricBroken(null, { a: NaN })).toBeNull();
    expect(metricBroken({ a: 1, b: 'x', c: [[1], [2, 3]], d: { e: 4 } }, { a: 2, b: 'y', c: [[1], [2, 3]], d: { e: 5 } })).toBeNull();
    expect(metricBroken({ cycle: NaN, loss: NaN }, { cycle: NaN, loss: 0.3 })).toBeNull();
  });
  it('names the first finite metric that turned NaN or infinite, by its path', () => {
    expect(metricBroken({ a: 1, r2: { bit: 0.2, xor: 0.1 } }, { a: 1, r2: { bit: 0.2, xor: NaN } })).toBe('r2.xor');
    expect(
      metricBroken(
        {
          rows: [
            [1, 2],
            [3, 4],
          ],
        },
        {
          rows: [
            [1, 2],
            [3, Infinity],
          ],
        },
      ),
    ).toBe('rows[1][1]');
  });
  it('compares arrays only when their lengths agree, and ignores new keys', () => {
    expect(metricBroken({ v: [1, 2] }, { v: [NaN, NaN, NaN] })).toBeNull();
    expect(metricBroken({}, { fresh: NaN })).toBeNull();
  });
});
