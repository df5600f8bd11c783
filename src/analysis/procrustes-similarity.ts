/**
 * The dissimilarity measures of Godfrey et al., "On the symmetries of deep learning models and
 * their internal representations" (NeurIPS 2022; pnnl/modelsym, alignment.py), as similarities
 * 1 − d, on the raw (uncentred) activations as the authors compute them:
 *
 *   G_ReLU-Procrustes: scale every neuron (column) to unit norm — this removes ReLU's positive
 *     scalings — then d² = min over permutations P of ‖Ã − B̃ P‖² / (4 d), i.e. with C = ÃᵀB̃
 *     and the assignment maximising Σ C_iπ(i): d² = (‖Ã‖² + ‖B̃‖² − 2 Σ C_iπ(i)) / (4 d).
 *     (Unequal widths: the narrower layer is padded with zero neurons, d the larger width.)
 *   orthogonal Procrustes: scale each whole matrix to unit Frobenius norm, then
 *     d = ‖Ã − B̃ Q‖ / 2 at the best orthogonal Q, i.e. d² = (2 − 2 ‖ÃᵀB̃‖_*) / 4.
 *
 * Both are 1 for a perfect match under their group and lie in [1 − 1/√2, 1] for non-negative
 * activations. Computed from a PairGram: uncentred cross products are H̃ᵀH̃ + N μᵀμ.
 */
import { SingularValueDecomposition, Matrix } from 'ml-matrix';
import { mat, matchNeurons, type Mat } from './alignment';
import type { PairGram } from './pair-gram';

/** Uncentred Hᵀ H for A, B and the cross term, from the centred statistics. */
function rawProducts(g: PairGram): { normA: Float64Array; normB: Float64Array; cross: Mat } {
  const dA = g.aa.rows;
  const dB = g.bb.rows;
  const normA = new Float64Array(dA);
  const normB = new Float64Array(dB);
  for (let i = 0; i < dA; i++) normA[i] = Math.max(0, g.aa.data[i * dA + i]! + g.n * g.meanA[i]! ** 2);
  for (let j = 0; j < dB; j++) normB[j] = Math.max(0, g.bb.data[j * dB + j]! + g.n * g.meanB[j]! ** 2);
  const cross = mat(dA, dB);
  for (let i = 0; i < dA; i++) {
    for (let j = 0; j < dB; j++) cross.data[i * dB + j] = g.ab.data[i * dB + j]! + g.n * g.meanA[i]! * g.meanB[j]!;
  }
  return { normA, normB, cross };
}

const TINY = 1e-24;

/** 1 − d_{G_ReLU-Procrustes}: neuron-wise normalised, best permutation. */
export function gReluProcrustesSimilarity(g: PairGram): number {
  const { normA, normB, cross } = rawProducts(g);
  const dA = normA.length;
  const dB = normB.length;
  const cos = mat(dA, dB);
  for (let i = 0; i < dA; i++) {
    for (let j = 0; j < dB; j++) {
      const den = Math.sqrt(normA[i]! * normB[j]!);
      cos.data[i * dB + j] = den > TINY ? cross.data[i * dB + j]! / den : 0;
    }
  }
  const match = matchNeurons(cos);
  let matched = 0;
  match.forEach((j, i) => {
    if (j >= 0) matched += cos.data[i * dB + j]!;
  });
  const live = (norms: Float64Array) => norms.reduce((s, v) => s + (v > TINY ? 1 : 0), 0);
  const d2 = (live(normA) + live(normB) - 2 * matched) / (4 * Math.max(dA, dB));
  return 1 - Math.sqrt(Math.max(0, d2));
}

/** Sum of singular values. */
export function nuclearNorm(a: Mat): number {
  const svd = new SingularValueDecomposition(Matrix.from1DArray(a.rows, a.cols, Array.from(a.data)), {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
    autoTranspose: true,
  });
  return svd.diagonal.reduce((s, v) => s + Math.abs(v), 0);
}

/** 1 − d_{orthogonal Procrustes}: Frobenius-normalised, best orthogonal map. */
export function orthogonalProcrustesSimilarity(g: PairGram): number {
  const { normA, normB, cross } = rawProducts(g);
  const fa = normA.reduce((s, v) => s + v, 0);
  const fb = normB.reduce((s, v) => s + v, 0);
  if (!(fa > TINY && fb > TINY)) return NaN;
  const overlap = nuclearNorm(cross) / Math.sqrt(fa * fb);
  return 1 - Math.sqrt(Math.max(0, 2 - 2 * overlap)) / 2;
}
