/**
 * Thomson directions: K unit vectors in R^k spread over the sphere by minimising the Coulomb
 * energy Σ_{i<j} 1/‖b_i − b_j‖ (projected gradient descent from a seeded random start).
 * For K = k+1 the optimum is the regular simplex: all pairwise distances equal √(2(k+1)/k).
 */
import type { Rng } from '../engine/rng';

export interface Directions {
  count: number;
  dim: number;
  /** Row-major K×k, unit rows. */
  data: Float64Array;
}

function normaliseRows(d: Float64Array, count: number, dim: number): void {
  for (let i = 0; i < count; i++) {
    let s = 0;
    for (let c = 0; c < dim; c++) s += d[i * dim + c]! ** 2;
    const inv = 1 / Math.sqrt(s || 1);
    for (let c = 0; c < dim; c++) d[i * dim + c]! *= inv;
  }
}

export function coulombEnergy(dirs: Directions): number {
  const { count, dim, data } = dirs;
  let e = 0;
  for (let i = 0; i < count; i++) {
    for (let j = i + 1; j < count; j++) {
      let s = 0;
      for (let c = 0; c < dim; c++) s += (data[i * dim + c]! - data[j * dim + c]!) ** 2;
      e += 1 / Math.sqrt(s);
    }
  }
  return e;
}

export function thomsonDirections(count: number, dim: number, rng: Rng, iterations = 2000): Directions {
  if (!Number.isInteger(count) || !Number.isInteger(dim) || count < 1 || dim < 1) {
    throw new Error(`Thomson directions need positive integers, got K=${count}, k=${dim}`);
  }
  const data = new Float64Array(count * dim);
  for (let i = 0; i < data.length; i++) data[i] = rng.normal();
  normaliseRows(data, count, dim);
  const grad = new Float64Array(count * dim);
  let stepSize = 0.1 / Math.max(1, count);
  let energy = coulombEnergy({ count, dim, data });
  const trial = new Float64Array(count * dim);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    for (let i = 0; i < count; i++) {
      for (let j = i + 1; j < count; j++) {
        let s = 0;
        for (let c = 0; c < dim; c++) s += (data[i * dim + c]! - data[j * dim + c]!) ** 2;
        const inv3 = 1 / (s * Math.sqrt(s) + 1e-30);
        for (let c = 0; c < dim; c++) {
          const f = (data[i * dim + c]! - data[j * dim + c]!) * inv3;
          grad[i * dim + c]! -= f;
          grad[j * dim + c]! += f;
        }
      }
    }
    for (let k = 0; k < data.length; k++) trial[k] = data[k]! - stepSize * grad[k]!;
    normaliseRows(trial, count, dim);
    const next = coulombEnergy({ count, dim, data: trial });
    if (next <= energy) {
      data.set(trial);
      energy = next;
      stepSize *= 1.1;
    } else {
      stepSize *= 0.5;
      if (stepSize < 1e-12) break;
    }
  }
  return { count, dim, data };
}

export function identityDirections(dim: number): Directions {
  const data = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) data[i * dim + i] = 1;
  return { count: dim, dim, data };
}
