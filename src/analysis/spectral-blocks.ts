/**
 * Block structure of a weight matrix W (m×n, column i = feature i) from its singular value
 * decomposition. A trained capacity model is block-semi-orthogonal (Scherlis et al.): the hidden
 * space splits into mutually orthogonal subspaces, each used by one block of features, and within
 * a block the singular values are (nearly) equal. Reordering WᵀW by blocks makes it block-diagonal.
 *
 * Definition. Write Wᵀ = Σ_k σ_k u_k v_kᵀ (u_k ∈ ℝⁿ over features) and group the singular values
 * into spectral subspaces g: σ_k² within `degeneracy`·σ_max² of their neighbours are one subspace,
 * because inside a (near-)degenerate subspace the SVD's basis is arbitrary. Each subspace has a
 * basis-free part of the Gram matrix, G_g = Σ_{k∈g} σ_k² u_k u_kᵀ, and G = WᵀW = Σ_g G_g. Then
 *   - feature i's energy share in g is s_ig = (G_g)_ii / ‖W_i‖² (Σ_g s_ig = 1);
 *   - feature i uses g if s_ig ≥ `share` (and always uses its largest-share subspace);
 *   - two features using g share dimensions if (G_g)_ij² ≥ coupling·(G_g)_ii·(G_g)_jj, i.e. their
 *     cos² inside g is at least `coupling` — automatic for a one-dimensional g, so this only
 *     splits a degenerate subspace that several orthogonal blocks happen to share (e.g. W = I);
 *   - blocks are the connected components of "shares dimensions".
 * For an exactly block-diagonal W (up to a rotation of the hidden space and a permutation of the
 * features) no block straddles two diagonal blocks: spectral parts of a block-diagonal Gram matrix
 * are block-diagonal (and for distinct singular values each lies in one diagonal block). A diagonal
 * block whose features barely interfere can still come out split, as it should at the tolerance.
 * Invariant to W → RW. In a trained, not quite converged W, singular vectors of nearby singular
 * values mix (by interference / gap), so a feature picks up small shares of its neighbours'
 * directions: `share` = 0.3 ignores those (0.1 merged a monosemantic feature, C = 0.99, into the
 * polysemantic block of the `regimes` preset, seed 3).
 * Each block's `dims` is Σ_{i∈B} Σ_k u_ik² (the trace of the projector onto the row space,
 * restricted to B): the number of hidden dimensions the block spans, an integer for exact blocks.
 * Features with (near) zero norm, or excluded by the caller (e.g. capacity ≤ 0.1), are left out of
 * the SVD (a small leftover column could otherwise link unrelated blocks) and are trailing
 * singletons marked `ignored`.
 */
import { Matrix as MlMatrix, SingularValueDecomposition } from 'ml-matrix';
import type { Matrix } from './dimensionality';

export interface SpectralBlock {
  /** Feature indices, ascending. */
  members: number[];
  /** Position of the block's first feature in `order`. */
  start: number;
  ignored: boolean;
  /** Hidden dimensions the block spans (0 for ignored features). */
  dims: number;
}

export interface SpectralBlockStructure {
  /** A permutation of 0..n−1: blocks one after another, ignored features last. */
  order: number[];
  blocks: SpectralBlock[];
  /** σ_k² of W without its ignored features, descending (min(m, n) of them). */
  singularValuesSquared: number[];
}

export interface SpectralBlockOptions {
  /** Energy share above which a feature counts as using a subspace. */
  share?: number;
  /** In-subspace cos² above which two features using a degenerate subspace share dimensions. */
  coupling?: number;
  /** σ² gaps ≤ degeneracy·σ_max² join two singular directions into one subspace. */
  degeneracy?: number;
  /** ‖W_i‖² ≤ zeroNorm·max ‖W_j‖² counts as ignored. */
  zeroNorm?: number;
  /** Features to set aside as ignored whatever their norm. */
  exclude?: readonly boolean[];
}

export const DEFAULT_SHARE = 0.3;
export const DEFAULT_COUPLING = 0.1;
export const DEFAULT_DEGENERACY = 0.05;

const entry = (w: Matrix, k: number, i: number): number => {
  const v = w.data[k * w.cols + i]!;
  return Number.isFinite(v) ? v : 0;
};

/** Feature coordinates u_ik (n×r, k over singular directions) and σ_k², descending, of W's kept columns. */
function featureSvd(w: Matrix, keep: readonly boolean[]): { u: number[][]; s2: number[] } {
  const { rows: m, cols: n } = w;
  const wt = new MlMatrix(n, m);
  for (let k = 0; k < m; k++) for (let i = 0; i < n; i++) wt.set(i, k, keep[i] ? entry(w, k, i) : 0);
  const svd = new SingularValueDecomposition(wt, { autoTranspose: true, computeRightSingularVectors: false });
  const r = Math.min(m, n);
  const left = svd.leftSingularVectors;
  const s2 = svd.diagonal.slice(0, r).map((s) => s * s);
  const u = Array.from({ length: n }, (_, i) => Array.from({ length: r }, (_, k) => left.get(i, k)));
  return { u, s2 };
}

/** Singular directions grouped into (near-)degenerate subspaces, as lists of k. */
function spectralGroups(s2: readonly number[], degeneracy: number): number[][] {
  const groups: number[][] = [];
  const top = s2[0] ?? 0;
  s2.forEach((v, k) => {
    if (!(v > 1e-12 * top) || top === 0) return; // numerically zero: no direction
    const last = groups.at(-1);
    if (last && s2[last.at(-1)!]! - v <= degeneracy * top) last.push(k);
    else groups.push([k]);
  });
  return groups;
}

export function findSpectralBlocks(w: Matrix, options: SpectralBlockOptions = {}): SpectralBlockStructure {
  const share = options.share ?? DEFAULT_SHARE;
  const coupling = options.coupling ?? DEFAULT_COUPLING;
  const n = w.cols;
  const norm2 = Array.from({ length: n }, (_, i) =>
    Array.from({ length: w.rows }, (_, k) => entry(w, k, i) ** 2).reduce((s, x) => s + x, 0),
  );
  const maxNorm2 = Math.max(0, ...norm2);
  const alive = norm2.map((e, i) => !options.exclude?.[i] && e > 0 && e > (options.zeroNorm ?? 1e-3) * maxNorm2);
  // Ignored features are left out of the SVD, so they cannot link blocks.
  const { u, s2 } = featureSvd(w, alive);
  const groups = spectralGroups(s2, options.degeneracy ?? DEFAULT_DEGENERACY);
  // (G_g)_ij for the features in question.
  const part = (g: number[], i: number, j: number) => g.reduce((s, k) => s + s2[k]! * u[i]![k]! * u[j]![k]!, 0);
  const energy = Array.from({ length: n }, (_, i) => groups.reduce((s, g) => s + part(g, i, i), 0));

  const parent = Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const join = (a: number, b: number) => {
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  const shares = energy.map((e, i) => groups.map((g) => (alive[i] ? part(g, i, i) / e : 0)));
  const users = groups.map((_, gi) =>
    energy.flatMap((_, i) => {
      if (!alive[i]) return [];
      const s = shares[i]!;
      return s[gi]! >= share || s.indexOf(Math.max(...s)) === gi ? [i] : [];
    }),
  );
  groups.forEach((g, gi) => {
    const members = users[gi]!;
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const [i, j] = [members[a]!, members[b]!];
        const gij = part(g, i, j);
        if (g.length === 1 || gij * gij >= coupling * part(g, i, i) * part(g, j, j)) join(i, j);
      }
    }
  });

  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (!alive[i]) continue;
    const list = byRoot.get(root(i));
    if (list) list.push(i);
    else byRoot.set(root(i), [i]);
  }
  const live = groups.flat();
  const dimsOf = (members: number[]) => members.reduce((s, i) => s + live.reduce((t, k) => t + u[i]![k]! ** 2, 0), 0);
  // Blocks in order of their first (most important) feature, then the ignored features.
  const blocks: SpectralBlock[] = [];
  const order: number[] = [];
  for (const members of [...byRoot.values()].sort((a, b) => a[0]! - b[0]!)) {
    blocks.push({ members, start: order.length, ignored: false, dims: dimsOf(members) });
    order.push(...members);
  }
  for (let i = 0; i < n; i++) {
    if (alive[i]) continue;
    blocks.push({ members: [i], start: order.length, ignored: true, dims: 0 });
    order.push(i);
  }
  return { order, blocks, singularValuesSquared: s2 };
}
