import { describe, expect, it } from 'vitest';
import { averageLinkage, cosineDistances, cutTree, leafOrder, type Dendrogram, type Merge } from './clustering';
import { createRng } from '../engine/rng';

/** The definition: every step scans every pair of active clusters (first smallest wins), O(N³). */
function averageLinkageByScan(dist: ArrayLike<number>, n: number): Dendrogram {
  const d = Float64Array.from({ length: n * n }, (_, k) => (Number.isNaN(dist[k]!) ? Infinity : dist[k]!));
  const node = Array.from({ length: n }, (_, i) => i);
  const size = new Array<number>(n).fill(1);
  const active = new Array<boolean>(n).fill(true);
  const merges: Merge[] = [];
  for (let t = 0; t < n - 1; t++) {
    let [best, bi, bj] = [Infinity, -1, -1];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        if (active[i] && active[j] && (d[i * n + j]! < best || bi < 0)) [best, bi, bj] = [d[i * n + j]!, i, j];
    const [si, sj] = [size[bi]!, size[bj]!];
    merges.push({ a: node[bi]!, b: node[bj]!, height: best, size: si + sj });
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === bi || k === bj) continue;
      d[bi * n + k] = d[k * n + bi] = (si * d[bi * n + k]! + sj * d[bj * n + k]!) / (si + sj);
    }
    active[bj] = false;
    size[bi] = si + sj;
    node[bi] = n + t;
  }
  return { n, merges };
}

describe('hierarchical clustering', () => {
  it('merges exactly as a scan of every pair would, ties, infinities and NaN included', () => {
    const rng = createRng(11);
    for (const n of [0, 1, 2, 3, 10, 41, 90, 150]) {
      for (const levels of [2, 3, 1000]) {
        const d = new Float64Array(n * n);
        for (let i = 0; i < n; i++)
          for (let j = i + 1; j < n; j++) {
            // Few levels: many ties; a few entries infinite or NaN.
            const u = rng.next();
            const v = u < 0.02 ? Infinity : u < 0.04 ? NaN : Math.floor(rng.next() * levels) / levels;
            d[i * n + j] = d[j * n + i] = v;
          }
        expect(averageLinkage(d, n)).toEqual(averageLinkageByScan(d, n));
      }
    }
  });

  it('recovers the blocks of a shuffled block matrix, and orders them contiguously', () => {
    const rng = createRng(3);
    const sizes = [5, 7, 4];
    const block: number[] = [];
    sizes.forEach((s, b) => {
      for (let k = 0; k < s; k++) block.push(b);
    });
    // Shuffle the items so blocks are not contiguous in input order.
    for (let i = block.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [block[i], block[j]] = [block[j]!, block[i]!];
    }
    const n = block.length;
    const d = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const v = (block[i] === block[j] ? 0.1 : 0.9) + 0.05 * rng.next();
        d[i * n + j] = v;
        d[j * n + i] = v;
      }
    }
    const tree = averageLinkage(d, n);
    expect(tree.merges).toHaveLength(n - 1);
    const labels = cutTree(tree, 3);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) expect(labels[i] === labels[j]).toBe(block[i] === block[j]);
    }
    const order = leafOrder(tree);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    // Contiguous: the block id changes exactly twice along the leaf order.
    let changes = 0;
    for (let k = 1; k < n; k++) if (block[order[k]!] !== block[order[k - 1]!]) changes++;
    expect(changes).toBe(2);
    // Labels are numbered in leaf order.
    expect(labels[order[0]!]).toBe(0);
  });

  it('average linkage merges at the mean distance between clusters', () => {
    // Points 0,1 close; 2 far from both at distances 4 and 6 → merge height (4+6)/2 = 5.
    const d = [0, 1, 4, 1, 0, 6, 4, 6, 0];
    const tree = averageLinkage(d, 3);
    expect(tree.merges[0]).toMatchObject({ a: 0, b: 1, height: 1, size: 2 });
    expect(tree.merges[1]!.height).toBeCloseTo(5, 12);
  });

  it('cosine distances: 0 for parallel rows, 1 for orthogonal, 2 for opposite', () => {
    const rows = Float64Array.from([1, 0, 2, 0, 0, 3, -1, 0]);
    const d = cosineDistances(rows, 4, 2);
    expect(d[0 * 4 + 1]).toBeCloseTo(0, 12);
    expect(d[0 * 4 + 2]).toBeCloseTo(1, 12);
    expect(d[0 * 4 + 3]).toBeCloseTo(2, 12);
  });
});
