/**
 * The PCA lab's data, generated in code: x = Σ_i √λ_i z_i u_i with z ~ N(0, I), so that
 * Cov(x) = Σ_i λ_i u_i u_iᵀ, for λ_i = rⁱ and a Haar-random orthonormal basis u (rows of a random
 * rotation drawn from the seeded RNG).
 */
import type { Rng } from '../../engine/rng';
import { randomRotation } from '../../analysis/random-rotation';
import { spectrum } from './subspace';

export interface PcaData {
  d: number;
  /** λ_i, descending. */
  lambda: number[];
  /** d×d row-major: row i is the eigenvector u_i. */
  basis: Float64Array;
}

export function drawDistribution(d: number, r: number, rng: Rng): PcaData {
  return { d, lambda: spectrum(d, r), basis: randomRotation(d, rng) };
}

/** `count` samples (count×d, row-major). */
export function drawSamples(data: PcaData, count: number, rng: Rng): Float32Array {
  const { d, lambda, basis } = data;
  const out = new Float32Array(count * d);
  const scale = lambda.map(Math.sqrt);
  for (let s = 0; s < count; s++) {
    for (let i = 0; i < d; i++) {
      const z = rng.normal() * scale[i]!;
      for (let c = 0; c < d; c++) out[s * d + c]! += z * basis[i * d + c]!;
    }
  }
  return out;
}
