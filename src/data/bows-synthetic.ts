/**
 * The BOWS authors' synthetic bags of words (Prieto et al., correlations-feature-geometry,
 * synthetic_bows/utils.py): n binary features, each anchored at a point uᵢ of a latent curve or
 * surface; a sample picks a latent point z and feature i fires with probability
 * σ(s · uᵢ·z + b) (sharpness s, base log-odds b). Features close on the latent shape co-occur.
 *
 * - ring:    uᵢ = (cos θᵢ, sin θᵢ), θᵢ = 2πi/n; z = (cos θ, sin θ) for a uniform random θ.
 * - figure8: uᵢ = (sin θᵢ, sin 2θᵢ), z = (sin θ, sin 2θ) (a Lissajous figure eight).
 * - sphere:  uᵢ on a Fibonacci lattice of the unit sphere; z uniform on the sphere.
 * - iid:     every feature fires independently with the ring's mean firing probability.
 */
import type { Rng } from '../engine/rng';

export const SYNTHETIC_SHAPES = ['ring', 'figure8', 'sphere', 'iid'] as const;
export type SyntheticShape = (typeof SYNTHETIC_SHAPES)[number];

export interface SyntheticSpec {
  shape: SyntheticShape;
  /** Number of features n. */
  features: number;
  /** Sharpness s of σ(s · uᵢ·z + b). */
  sharpness: number;
  /** Base log-odds b. */
  baseLogOdds?: number;
}

export interface SyntheticBags {
  n: number;
  samples: number;
  /** samples × n, 0/1. */
  x: Uint8Array;
}

const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));

/** Anchor points uᵢ (n × 3, unused coordinates 0). */
export function anchors(shape: SyntheticShape, n: number): Float64Array {
  const u = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    if (shape === 'figure8') {
      u[3 * i] = Math.sin(a);
      u[3 * i + 1] = Math.sin(2 * a);
    } else if (shape === 'sphere') {
      const t = i + 0.5;
      const phi = Math.acos(1 - (2 * t) / n);
      const theta = Math.PI * (1 + Math.sqrt(5)) * t;
      u[3 * i] = Math.cos(theta) * Math.sin(phi);
      u[3 * i + 1] = Math.sin(theta) * Math.sin(phi);
      u[3 * i + 2] = Math.cos(phi);
    } else {
      u[3 * i] = Math.cos(a);
      u[3 * i + 1] = Math.sin(a);
    }
  }
  return u;
}

/** A latent point z for one sample. */
function latent(shape: SyntheticShape, rng: Rng, out: Float64Array): void {
  if (shape === 'sphere') {
    const theta = 2 * Math.PI * rng.next();
    const phi = Math.acos(2 * rng.next() - 1);
    out[0] = Math.sin(phi) * Math.cos(theta);
    out[1] = Math.sin(phi) * Math.sin(theta);
    out[2] = Math.cos(phi);
    return;
  }
  const a = 2 * Math.PI * rng.next();
  out[0] = shape === 'figure8' ? Math.sin(a) : Math.cos(a);
  out[1] = shape === 'figure8' ? Math.sin(2 * a) : Math.sin(a);
  out[2] = 0;
}

/** Mean firing probability of the ring with this sharpness (the iid variant's p), by quadrature. */
export function ringMeanProbability(sharpness: number, baseLogOdds = 0): number {
  const K = 2048;
  let s = 0;
  for (let k = 0; k < K; k++) s += sigmoid(sharpness * Math.cos((2 * Math.PI * (k + 0.5)) / K) + baseLogOdds);
  return s / K;
}

/** `samples` bags drawn with `rng`. */
export function sampleSynthetic(spec: SyntheticSpec, samples: number, rng: Rng): SyntheticBags {
  const n = spec.features;
  if (!(n >= 2)) throw new Error('synthetic bags need at least 2 features');
  const b = spec.baseLogOdds ?? 0;
  const x = new Uint8Array(samples * n);
  if (spec.shape === 'iid') {
    const p = ringMeanProbability(spec.sharpness, b);
    for (let k = 0; k < x.length; k++) x[k] = rng.next() < p ? 1 : 0;
    return { n, samples, x };
  }
  const u = anchors(spec.shape, n);
  const z = new Float64Array(3);
  for (let r = 0; r < samples; r++) {
    latent(spec.shape, rng, z);
    for (let i = 0; i < n; i++) {
      const dot = u[3 * i]! * z[0]! + u[3 * i + 1]! * z[1]! + u[3 * i + 2]! * z[2]!;
      x[r * n + i] = rng.next() < sigmoid(spec.sharpness * dot + b) ? 1 : 0;
    }
  }
  return { n, samples, x };
}

/** Feature names: the months for 12 features, the weekdays for 7, otherwise f1…fn. */
export function syntheticNames(n: number, months: readonly string[], weekdays: readonly string[]): string[] {
  if (n === months.length) return [...months];
  if (n === weekdays.length) return [...weekdays];
  return Array.from({ length: n }, (_, i) => `f${i + 1}`);
}
