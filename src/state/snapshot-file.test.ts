import { describe, expect, it } from 'vitest';
import { parseSnapshotFile } from './snapshot-file';

const exported = {
  lab: 'superposition',
  params: { n: 5, m: 2, sparsity: 0.9, importance: 1, batch: 1024, lr: 0.01, seed: 1 },
  backend: 'wasm',
  step: 1500,
  loss: 0.02,
  tensors: { W: { shape: [1, 2, 5], data: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, b: { shape: [1, 1, 5], data: [0, 0, null, 0, 0] } },
  metrics: {},
};

describe('snapshot file', () => {
  it('reads what the page exports', () => {
    const out = parseSnapshotFile('s.json', JSON.stringify(exported));
    if ('error' in out) throw new Error(out.error);
    expect(out.labId).toBe('superposition');
    expect(out.rawParams).toMatchObject({ n: '5', sparsity: '0.9', seed: '1' });
    expect(out.snapshot.step).toBe(1500);
    expect(Array.from(out.snapshot.tensors.W!.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(Number.isNaN(out.snapshot.tensors.b!.data[2])).toBe(true);
  });

  it('explains, without throwing, what is wrong with a bad file', () => {
    expect(parseSnapshotFile('a.json', '{not json')).toMatchObject({ error: expect.stringMatching(/a\.json is not JSON/) });
    expect(parseSnapshotFile('b.json', JSON.stringify({ hello: 1 }))).toMatchObject({ error: expect.stringMatching(/not a Geometry Lab snapshot: lab/) });
    const wrongSize = { ...exported, tensors: { W: { shape: [2, 5], data: [1, 2, 3] } } };
    expect(parseSnapshotFile('c.json', JSON.stringify(wrongSize))).toMatchObject({ error: expect.stringMatching(/tensor W has 3 values but shape \[2, 5\] needs 10/) });
    const badName = { ...exported, tensors: { '<img>': { shape: [1], data: [1] } } };
    expect(parseSnapshotFile('d.json', JSON.stringify(badName))).toHaveProperty('error');
    expect(parseSnapshotFile('e.json', 'null')).toHaveProperty('error');
  });
});
