import { describe, expect, it } from 'vitest';
import { metricAt, numberAt, numbersAt } from './headline-effect';

describe('metric paths', () => {
  const m = { a: { b: 2, c: [1, 2], d: { e: 'x' } }, n: Number.NaN, list: [1, Number.POSITIVE_INFINITY] };
  it('reads nested values and refuses what is not there or not finite', () => {
    expect(metricAt(m, 'a', 'd', 'e')).toBe('x');
    expect(metricAt(m, 'a', 'c', '0')).toBeUndefined(); // arrays are not indexed by path
    expect(numberAt(m, 'a', 'b')).toBe(2);
    expect(numberAt(m, 'a', 'missing')).toBeNaN();
    expect(numberAt(m, 'n')).toBeNaN();
    expect(numberAt(m, 'a', 'd', 'e')).toBeNaN();
    expect(numbersAt(m, 'a', 'c')).toEqual([1, 2]);
    expect(numbersAt(m, 'list')).toEqual([]);
    expect(numbersAt(m, 'a', 'b')).toEqual([]);
  });
});
