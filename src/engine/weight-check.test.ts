import { describe, expect, it } from 'vitest';
import { checkWeights, firstNonFinite, weightsFinite } from './weight-check';

const expected = { W: [2, 3], b: [1, 3] };
const good = { W: { shape: [2, 3], data: [1, 2, 3, 4, 5, 6] }, b: { shape: [1, 3], data: [0, 0, 0] } };

describe('checkWeights', () => {
  it('accepts exact shapes and finite float32 values, dropping everything else', () => {
    const r = checkWeights({ ...good, extra: { shape: [1], data: [null] } }, expected, 'f.json');
    if ('error' in r) throw new Error(r.error);
    expect(Object.keys(r.weights)).toEqual(['W', 'b']);
    expect(Array.from(r.weights.W!.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.weights.W!.data).toBeInstanceOf(Float32Array);
  });

  it.each([
    ['a missing weight', { W: good.W }, 'weight b is missing'],
    [
      'a transposed shape with the right element count',
      { ...good, W: { shape: [3, 2], data: [1, 2, 3, 4, 5, 6] } },
      'shape [3, 2], but these parameters need [2, 3]',
    ],
    ['too few values', { ...good, b: { shape: [1, 3], data: [0, 0] } }, 'b has 2 values'],
    ['null (JSON for NaN)', { ...good, b: { shape: [1, 3], data: [0, null, 0] } }, 'null at index 1'],
    ['NaN', { ...good, b: { shape: [1, 3], data: [0, 0, NaN] } }, 'NaN at index 2'],
    ['1e39 (float32 overflow)', { ...good, W: { shape: [2, 3], data: [1, 1e39, 3, 4, 5, 6] } }, '1e+39 at index 1'],
    ['-1e308', { ...good, W: { shape: [2, 3], data: [1, 2, 3, 4, 5, -1e308] } }, 'index 5'],
  ])('refuses %s', (_, tensors, message) => {
    const r = checkWeights(tensors, expected, 'f.json');
    expect('error' in r && r.error).toContain(message);
    expect('error' in r && r.error.startsWith('f.json: ')).toBe(true);
  });

  it('does not read a weight named like an Object.prototype member', () => {
    const r = checkWeights({}, { constructor: [1] }, 'x');
    expect('error' in r && r.error).toContain('constructor is missing');
  });
});

describe('finiteness', () => {
  it('finds the first non-finite value, including float32 overflow', () => {
    expect(firstNonFinite([1, 2, 3])).toBe(-1);
    expect(firstNonFinite([1, Infinity])).toBe(1);
    expect(firstNonFinite([3.4028234663852886e38, 3.5e38])).toBe(1);
  });
  it('names the first weight that holds NaN', () => {
    const t = (v: number) => ({ shape: [1], data: Float32Array.of(v) });
    expect(weightsFinite({ W: t(1), b: t(2) }, ['W', 'b'])).toBeNull();
    expect(weightsFinite({ W: t(1), b: t(NaN) }, ['W', 'b'])).toBe('b');
  });
});
