import { describe, expect, it } from 'vitest';
import { readSnapshotText } from './snapshot-file';

const exported = {
  lab: 'superposition',
  params: { n: 5, m: 2, sparsity: 0.9, importance: 1, batch: 1024, lr: 0.01, seed: 1 },
  backend: 'wasm',
  step: 1500,
  loss: 0.02,
  tensors: {
    W: { shape: [1, 2, 5], data: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
    b: { shape: [1, 1, 5], data: [0, 0, 0.5, 0, 0] },
    // Analysis tensors may hold null (NaN); they are not weights and are dropped.
    extra: { shape: [2], data: [null, 1] },
  },
  metrics: {},
};
const read = (body: unknown) => readSnapshotText('s.json', JSON.stringify(body));
const errorOf = (body: unknown) => {
  const r = read(body);
  return 'error' in r ? r.error : 'accepted';
};

describe('snapshot file', () => {
  it('reads what the page exports: lab, params, weights only', () => {
    const out = read(exported);
    if ('error' in out) throw new Error(out.error);
    expect(out.labId).toBe('superposition');
    expect(out.params).toMatchObject({ n: 5, sparsity: 0.9, seed: 1 });
    expect(out.snapshot.step).toBe(1500);
    expect(Object.keys(out.snapshot.weights)).toEqual(['W', 'b']);
    expect(Array.from(out.snapshot.weights.W!.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('explains, without throwing, what is wrong with a bad file', () => {
    expect(readSnapshotText('a.json', '{not json')).toMatchObject({ error: expect.stringMatching(/"a\.json" is not JSON/) });
    expect(errorOf({ hello: 1 })).toMatch(/not a Geometry Lab snapshot: lab/);
    expect(errorOf(null)).toMatch(/not a Geometry Lab snapshot/);
    expect(errorOf({ ...exported, tensors: { '<img>': { shape: [1], data: [1] } } })).toMatch(/not a Geometry Lab snapshot/);
  });

  it.each([
    ['another lab', { ...exported, lab: 'bows' }, /bows has no parameter "n"|parameter \w+ is missing/],
    ['an unknown lab', { ...exported, lab: '__proto__' }, /unknown lab "__proto__"/],
    ['no tensors', { ...exported, tensors: {} }, /weight W is missing/],
    ['b missing', { ...exported, tensors: { W: exported.tensors.W } }, /weight b is missing/],
    [
      'a self-consistent W for another n',
      { ...exported, tensors: { W: { shape: [1, 2, 6], data: Array(12).fill(0) }, b: exported.tensors.b } },
      /shape \[1, 2, 6\], but these parameters need \[1, 2, 5\]/,
    ],
    [
      'a transposed W',
      { ...exported, tensors: { ...exported.tensors, W: { shape: [1, 5, 2], data: exported.tensors.W.data } } },
      /shape \[1, 5, 2\]/,
    ],
    [
      'null weights',
      { ...exported, tensors: { ...exported.tensors, b: { shape: [1, 1, 5], data: [0, null, 0, 0, 0] } } },
      /weight b holds a value that is not a finite float32 \(null at index 1\)/,
    ],
    [
      '1e39 weights',
      { ...exported, tensors: { ...exported.tensors, b: { shape: [1, 1, 5], data: [0, 1e39, 0, 0, 0] } } },
      /not a finite float32/,
    ],
    [
      '1e308 weights',
      { ...exported, tensors: { ...exported.tensors, b: { shape: [1, 1, 5], data: [0, 0, 0, 0, -1e308] } } },
      /not a finite float32/,
    ],
    ['an out-of-range parameter', { ...exported, params: { ...exported.params, n: 1e9 } }, /n="1000000000" is outside \[2, 64\]\.$/],
    ['a missing parameter', { ...exported, params: { n: 5 } }, /parameter m is missing/],
    ['a hex number', { ...exported, params: { ...exported.params, n: '0x5' } }, /n="0x5" is not a number\.$/],
    ['a number given as text', { ...exported, params: { ...exported.params, n: '5' } }, /n="5" is not a number\.$/],
    ['a fractional whole number', { ...exported, params: { ...exported.params, n: 5.5 } }, /n="5.5" is not a whole number\.$/],
    ['a boolean for a number', { ...exported, params: { ...exported.params, lr: true } }, /lr="true" is not a number\.$/],
  ])('refuses %s', (_, body, message) => {
    expect(errorOf(body)).toMatch(message);
  });
});
