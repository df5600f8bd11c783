import { describe, expect, it } from 'vitest';
import { findBlocks, neuronLoadCounts } from './blocks';
import { gram } from './dimensionality';
import { createRng, type Rng } from '../engine/rng';

/** A random orthogonal m×m matrix (Gram–Schmidt of a Gaussian matrix), row-major. */
function randomRotation(m: number, rng: Rng): number[] {
  const q: number[][] = [];
  while (q.length < m) {
    let v = Array.from({ length: m }, () => rng.normal());
    for (const u of q) {
      const d = u.reduce((s, x, i) => s + x * v[i]!, 0);
      v = v.map((x, i) => x - d * u[i]!);
    }
    const norm = Math.hypot(...v);
    if (norm > 1e-6) q.push(v.map((x) => x / norm));
  }
  return q.flat();
}

describe('block finder', () => {
  it('recovers a planted block-diagonal structure hidden by a rotation and a permutation', () => {
    const rng = createRng(21);
    const m = 7;
    // Blocks live on disjoint hidden dimensions: a triangle in dims 0–1, an antipodal pair in dim 2,
    // a lone feature in dim 3, four features at random angles in dims 4–6; plus two dead features.
    const planted: number[][] = [];
    const columns: number[][] = [];
    const add = (dims: number[], vecs: number[][]) => {
      const ids: number[] = [];
      for (const v of vecs) {
        const col = new Array<number>(m).fill(0);
        dims.forEach((d, k) => (col[d] = v[k]!));
        ids.push(columns.length);
        columns.push(col);
      }
      planted.push(ids);
    };
    add([0, 1], [0, 1, 2].map((k) => [Math.cos((2 * Math.PI * k) / 3), Math.sin((2 * Math.PI * k) / 3)]));
    add([2], [[0.9], [-0.8]]);
    add([3], [[1.2]]);
    add([4, 5, 6], Array.from({ length: 4 }, () => [rng.normal(), rng.normal(), rng.normal()]));
    const dead = [columns.length, columns.length + 1];
    columns.push(new Array<number>(m).fill(0), new Array<number>(m).fill(0).map(() => 1e-9));
    const n = columns.length;
    // Shuffle the features, rotate the hidden space.
    const perm = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [perm[i], perm[j]] = [perm[j]!, perm[i]!];
    }
    const rot = randomRotation(m, rng);
    const data = new Float64Array(m * n);
    perm.forEach((src, dst) => {
      for (let r = 0; r < m; r++) {
        let s = 0;
        for (let k = 0; k < m; k++) s += rot[r * m + k]! * columns[src]![k]!;
        data[r * n + dst] = s;
      }
    });
    const where = (src: number) => perm.indexOf(src);
    const result = findBlocks(gram({ rows: m, cols: n, data }), n);
    const found = result.blocks.filter((b) => !b.ignored).map((b) => [...b.members].sort((a, b) => a - b));
    const expected = planted.map((ids) => ids.map(where).sort((a, b) => a - b));
    expect(found.sort((a, b) => a[0]! - b[0]!)).toEqual(expected.sort((a, b) => a[0]! - b[0]!));
    const ignored = result.blocks.filter((b) => b.ignored).map((b) => b.members[0]!).sort((a, b) => a - b);
    expect(ignored).toEqual(dead.map(where).sort((a, b) => a - b));
    // The order is a permutation, and each block is contiguous in it from its start.
    expect([...result.order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    for (const b of result.blocks) expect(result.order.slice(b.start, b.start + b.members.length)).toEqual(b.members);
  });

  it('puts every feature in one block when all interfere, and in singletons when orthogonal', () => {
    const n = 4;
    const allOnes = new Float64Array(n * n).fill(1);
    expect(findBlocks(allOnes, n).blocks).toHaveLength(1);
    const eye = new Float64Array(n * n);
    for (let i = 0; i < n; i++) eye[i * n + i] = 1;
    expect(findBlocks(eye, n).blocks.map((b) => b.members)).toEqual([[0], [1], [2], [3]]);
    // An excluded (ignored) feature is set apart and cannot link the others.
    const excluded = findBlocks(allOnes, n, 0.3, 1e-3, [false, true, false, false]);
    expect(excluded.blocks.map((b) => [b.members, b.ignored])).toEqual([[[0, 2, 3], false], [[1], true]]);
    expect(excluded.order).toEqual([0, 2, 3, 1]);
  });
});

describe('per-neuron polysemanticity', () => {
  it('counts the features whose weight on a neuron exceeds the threshold', () => {
    // neuron 0 carries features 0 and 1; neuron 1 carries feature 2 and a trace of feature 3.
    const w = { rows: 2, cols: 4, data: [1, -0.8, 0, 0, 0, 0.05, 0.9, 0.1] };
    expect(neuronLoadCounts(w, 0.2)).toEqual([2, 1]);
    expect(neuronLoadCounts(w, 0.01)).toEqual([2, 3]);
    expect(neuronLoadCounts({ rows: 1, cols: 2, data: [0, 0] })).toEqual([0]);
  });
});
