/**
 * Block structure of a Gram matrix G = WᵀW (n×n, row-major). Features whose columns interfere
 * (|cos(W_i, W_j)| above a threshold) are linked; connected components are blocks. A trained
 * capacity model is block-semi-orthogonal: features in different blocks are orthogonal, so
 * reordering WᵀW by blocks makes it block-diagonal. Features with (near) zero norm are kept
 * apart, as trailing singletons marked `ignored`.
 */

export interface Block {
  /** Feature indices, ascending. */
  members: number[];
  /** Position of the block's first feature in `order`. */
  start: number;
  ignored: boolean;
}

export interface BlockStructure {
  /** A permutation of 0..n−1: blocks one after another. */
  order: number[];
  blocks: Block[];
}

/**
 * @param threshold |cos| above which two features count as sharing dimensions (default 0.3)
 * @param zeroNorm  squared norms ≤ zeroNorm·max squared norm count as ignored (default 1e-3)
 * @param exclude   features to set aside as ignored whatever their norm (e.g. capacity ≤ 0.1: a
 *                  small leftover column would otherwise link unrelated blocks)
 */
export function findBlocks(
  g: ArrayLike<number>,
  n: number,
  threshold = 0.3,
  zeroNorm = 1e-3,
  exclude?: readonly boolean[],
): BlockStructure {
  let maxSelf = 0;
  for (let i = 0; i < n; i++) {
    const self = g[i * n + i]!;
    if (Number.isFinite(self)) maxSelf = Math.max(maxSelf, self);
  }
  const alive = Array.from({ length: n }, (_, i) => {
    const self = g[i * n + i]!;
    return !exclude?.[i] && Number.isFinite(self) && self > zeroNorm * maxSelf && self > 0;
  });
  const parent = Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let i = 0; i < n; i++) {
    if (!alive[i]) continue;
    for (let j = i + 1; j < n; j++) {
      if (!alive[j]) continue;
      const cos = g[i * n + j]! / Math.sqrt(g[i * n + i]! * g[j * n + j]!);
      if (Math.abs(cos) > threshold) {
        const a = root(i);
        const b = root(j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (!alive[i]) continue;
    const r = root(i);
    const list = groups.get(r);
    if (list) list.push(i);
    else groups.set(r, [i]);
  }
  // Blocks in order of their first (most important) feature, then the ignored features.
  const live = [...groups.values()].sort((a, b) => a[0]! - b[0]!);
  const blocks: Block[] = [];
  const order: number[] = [];
  for (const members of live) {
    blocks.push({ members, start: order.length, ignored: false });
    order.push(...members);
  }
  for (let i = 0; i < n; i++) {
    if (alive[i]) continue;
    blocks.push({ members: [i], start: order.length, ignored: true });
    order.push(i);
  }
  return { order, blocks };
}

/**
 * Per hidden neuron k (row k of W, m×n row-major): how many features load on it, i.e. have
 * |W_ki| > threshold · max |W|.
 */
export function neuronLoadCounts(w: { rows: number; cols: number; data: ArrayLike<number> }, threshold = 0.2): number[] {
  const { rows: m, cols: n, data } = w;
  let max = 0;
  for (let k = 0; k < m * n; k++) if (Number.isFinite(data[k]!)) max = Math.max(max, Math.abs(data[k]!));
  return Array.from({ length: m }, (_, k) => {
    if (max === 0) return 0;
    let count = 0;
    for (let i = 0; i < n; i++) if (Math.abs(data[k * n + i]!) > threshold * max) count++;
    return count;
  });
}
