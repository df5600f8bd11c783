import { describe, expect, it } from 'vitest';
import { findSpectralBlocks } from './spectral-blocks';
import type { Matrix } from './dimensionality';
import { createRng, type Rng } from '../engine/rng';

const mat = (rows: number[][]): Matrix => ({ rows: rows.length, cols: rows[0]!.length, data: rows.flat() });
const live = (w: Matrix, options = {}) =>
  findSpectralBlocks(w, options)
    .blocks.filter((b) => !b.ignored)
    .map((b) => b.members);

/** A random orthogonal m×m matrix (Gram–Schmidt of a Gaussian matrix). */
function randomRotation(m: number, rng: Rng): number[][] {
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
  return q;
}

/** R·W with W's columns permuted: column perm[j] of the result is column j of W. */
function rotateAndPermute(w: number[][], rot: number[][], perm: number[]): Matrix {
  const m = w.length;
  const n = w[0]!.length;
  const out = Array.from({ length: m }, () => new Array<number>(n).fill(0));
  for (let r = 0; r < m; r++) for (let j = 0; j < n; j++) out[r]![perm[j]!] = rot[r]!.reduce((s, x, k) => s + x * w[k]![j]!, 0);
  return mat(out);
}

// Three unit features at 120° in a plane: a tight frame, W_B W_Bᵀ = (3/2) I (degenerate σ² = 3/2).
const TRIANGLE = [0, 1, 2].map((k) => [Math.cos((2 * Math.PI * k) / 3), Math.sin((2 * Math.PI * k) / 3)]);

describe('spectral block finder', () => {
  it('a digon sharing one dimension and two lone features: σ² = 4, 2, 1/4 by hand', () => {
    // Features 0 and 1 are antipodal on hidden dim 0 (σ² = 1 + 1 = 2, right singular vector
    // (1, −1, 0, 0)/√2); feature 2 alone on dim 1 (σ² = 4); feature 3 alone on dim 2 (σ² = 1/4).
    const w = mat([
      [1, -1, 0, 0],
      [0, 0, 2, 0],
      [0, 0, 0, 0.5],
    ]);
    const result = findSpectralBlocks(w);
    result.singularValuesSquared.forEach((s, k) => expect(s).toBeCloseTo([4, 2, 0.25][k]!, 12));
    expect(result.blocks.map((b) => b.members)).toEqual([[0, 1], [2], [3]]);
    result.blocks.forEach((b) => expect(b.dims).toBeCloseTo(1, 12));
    expect(result.order).toEqual([0, 1, 2, 3]);
  });

  it('a block-diagonal W whose blocks share a singular value: triangle (2 dims) + a lone feature + a dead one', () => {
    // σ² = 3/2 three times: the triangle's plane and feature 3 (norm² 3/2) are one degenerate
    // subspace, which the in-subspace cos² splits; feature 4 is zero.
    const s = Math.sqrt(1.5);
    const w = mat([
      [TRIANGLE[0]![0]!, TRIANGLE[1]![0]!, TRIANGLE[2]![0]!, 0, 0],
      [TRIANGLE[0]![1]!, TRIANGLE[1]![1]!, TRIANGLE[2]![1]!, 0, 0],
      [0, 0, 0, s, 0],
    ]);
    const result = findSpectralBlocks(w);
    result.singularValuesSquared.forEach((v) => expect(v).toBeCloseTo(1.5, 12));
    expect(result.blocks.map((b) => [b.members, b.ignored])).toEqual([
      [[0, 1, 2], false],
      [[3], false],
      [[4], true],
    ]);
    expect(result.blocks[0]!.dims).toBeCloseTo(2, 10);
    expect(result.blocks[1]!.dims).toBeCloseTo(1, 10);
    expect(result.blocks[2]!.dims).toBe(0);
  });

  it('W = I: every feature its own block although all singular values are equal', () => {
    expect(
      live(
        mat([
          [1, 0, 0],
          [0, 1, 0],
          [0, 0, 1],
        ]),
      ),
    ).toEqual([[0], [1], [2]]);
    // …and m < n, m > n both work.
    expect(
      live(
        mat([
          [1, 1, 0],
          [0, 0, 3],
        ]),
      ),
    ).toEqual([[0, 1], [2]]);
    expect(
      live(
        mat([
          [1, 0],
          [0, 0],
          [0, 2],
          [0, 0],
        ]),
      ),
    ).toEqual([[0], [1]]);
  });

  it('two features at cos 0.2 share dimensions (a cosine threshold of 0.3 would split them); at cos 0.02 they do not', () => {
    // Equal norms: σ² = 1 ± cos, both features half in each direction.
    const pair = (c: number) =>
      mat([
        [1, c],
        [0, Math.sqrt(1 - c * c)],
      ]);
    const wide = findSpectralBlocks(pair(0.2));
    expect(wide.blocks.map((b) => b.members)).toEqual([[0, 1]]);
    expect(wide.blocks[0]!.dims).toBeCloseTo(2, 12);
    // σ² = 1.02, 0.98 are within the degeneracy tolerance: one subspace, where cos² = 4e-4 < share.
    expect(live(pair(0.02))).toEqual([[0], [1]]);
  });

  it('a rotated, permuted copy has the same blocks (mapped by the permutation)', () => {
    const rng = createRng(5);
    // Hidden dims 0–1: triangle scaled by 0.8; dim 2: a digon; dim 3–5: four random features.
    const m = 6;
    const cols: number[][] = [];
    TRIANGLE.forEach(([x, y]) => cols.push([0.8 * x!, 0.8 * y!, 0, 0, 0, 0]));
    cols.push([0, 0, 1.3, 0, 0, 0], [0, 0, -1.1, 0, 0, 0]);
    for (let j = 0; j < 4; j++) cols.push([0, 0, 0, rng.normal(), rng.normal(), rng.normal()]);
    cols.push([0, 0, 0, 0, 0, 0]);
    const n = cols.length;
    const w = Array.from({ length: m }, (_, r) => cols.map((c) => c[r]!));
    const planted = [
      [0, 1, 2],
      [3, 4],
      [5, 6, 7, 8],
    ];
    const plain = findSpectralBlocks(mat(w));
    expect(plain.blocks.filter((b) => !b.ignored).map((b) => b.members)).toEqual(planted);
    expect(plain.blocks.map((b) => Math.round(b.dims))).toEqual([2, 1, 3, 0]);

    const perm = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [perm[i], perm[j]] = [perm[j]!, perm[i]!];
    }
    const moved = findSpectralBlocks(rotateAndPermute(w, randomRotation(m, rng), perm));
    const found = moved.blocks.filter((b) => !b.ignored).map((b) => b.members);
    const expected = planted.map((ids) => ids.map((i) => perm[i]!).sort((a, b) => a - b)).sort((a, b) => a[0]! - b[0]!);
    expect(found).toEqual(expected);
    expect(moved.blocks.filter((b) => b.ignored).map((b) => b.members)).toEqual([[perm[n - 1]!]]);
    moved.singularValuesSquared.forEach((s, k) => expect(s).toBeCloseTo(plain.singularValuesSquared[k]!, 9));
    // Blocks are contiguous in the order, which is a permutation.
    expect([...moved.order].sort((a, b) => a - b)).toEqual(perm.map((_, i) => i));
    for (const b of moved.blocks) expect(moved.order.slice(b.start, b.start + b.members.length)).toEqual(b.members);
  });

  it('an excluded feature is set apart and cannot link the others', () => {
    // Features 0 and 2 are orthogonal; feature 1 overlaps both.
    const w = mat([
      [1, 0.5, 0],
      [0, 0.5, 1],
    ]);
    expect(live(w)).toEqual([[0, 1, 2]]);
    const result = findSpectralBlocks(w, { exclude: [false, true, false] });
    expect(result.blocks.map((b) => [b.members, b.ignored])).toEqual([
      [[0], false],
      [[2], false],
      [[1], true],
    ]);
    expect(result.order).toEqual([0, 2, 1]);
  });
});
