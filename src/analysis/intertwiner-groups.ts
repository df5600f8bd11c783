/**
 * Intertwiner groups of activation functions (DESIGN §5.5): the invertible A with
 * σ(A x) = φ(A) σ(x) for all x. For the families checked here φ(A) = A, so the check is
 * max over random x of ‖σ(A x) − A σ(x)‖ / (‖σ(A x)‖ + ‖A σ(x)‖), for random elements A of each
 * family. What a table shows is computed by this check, never typed in.
 */
import type { Rng } from '../engine/rng';
import { applyActivationValue, type ActivationSpec } from './activation-values';
import { randomRotation } from './random-rotation';

export const GROUP_FAMILIES = ['permutation', 'scaled-permutation', 'signed-permutation', 'orthogonal', 'linear'] as const;
export type GroupFamily = (typeof GROUP_FAMILIES)[number];

export const FAMILY_LABELS: Record<GroupFamily, string> = {
  permutation: 'P',
  'scaled-permutation': 'P·diag(d>0)',
  'signed-permutation': 'P·diag(±1)',
  orthogonal: 'O(n)',
  linear: 'GL(n)',
};

/** A random n×n element of the family (row-major). */
export function randomGroupElement(family: GroupFamily, n: number, rng: Rng): Float64Array {
  const a = new Float64Array(n * n);
  if (family === 'linear') {
    for (let i = 0; i < a.length; i++) a[i] = rng.normal() / Math.sqrt(n);
    for (let i = 0; i < n; i++) a[i * n + i]! += 1; // keeps it comfortably invertible
    return a;
  }
  if (family === 'orthogonal') return randomRotation(n, rng);
  const perm = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [perm[i], perm[j]] = [perm[j]!, perm[i]!];
  }
  for (let i = 0; i < n; i++) {
    let v = 1;
    if (family === 'scaled-permutation') v = Math.exp((rng.next() * 2 - 1) * Math.log(3)); // in [1/3, 3]
    if (family === 'signed-permutation') v = rng.next() < 0.5 ? -1 : 1;
    a[i * n + perm[i]!] = v;
  }
  return a;
}

function matVec(a: Float64Array, x: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let c = 0; c < n; c++) s += a[i * n + c]! * x[c]!;
    out[i] = s;
  }
  return out;
}

export interface IntertwinerCheck {
  family: GroupFamily;
  /** Largest relative error over every element and input tried. */
  maxError: number;
  holds: boolean;
}

export const CHECK_TOLERANCE = 1e-9;

/** Checks σ(A x) = A σ(x) for `elements` random A of the family and `inputs` random x ~ N(0, scale²). */
export function checkIntertwiner(
  spec: ActivationSpec,
  family: GroupFamily,
  rng: Rng,
  opts: { n?: number; elements?: number; inputs?: number; scale?: number } = {},
): IntertwinerCheck {
  const n = opts.n ?? 6;
  const elements = opts.elements ?? 8;
  const inputs = opts.inputs ?? 16;
  const scale = opts.scale ?? 2;
  let maxError = 0;
  for (let e = 0; e < elements; e++) {
    const a = randomGroupElement(family, n, rng);
    for (let t = 0; t < inputs; t++) {
      const x = new Float64Array(n);
      for (let c = 0; c < n; c++) x[c] = rng.normal() * scale;
      const left = applyActivationValue(spec, matVec(a, x, n));
      const right = matVec(a, applyActivationValue(spec, x), n);
      let diff = 0;
      let nl = 0;
      let nr = 0;
      for (let c = 0; c < n; c++) {
        diff += (left[c]! - right[c]!) ** 2;
        nl += left[c]! ** 2;
        nr += right[c]! ** 2;
      }
      const err = Math.sqrt(diff) / (Math.sqrt(nl) + Math.sqrt(nr) + 1e-300);
      if (err > maxError) maxError = err;
    }
  }
  return { family, maxError, holds: maxError < CHECK_TOLERANCE };
}

export interface GroupTableRow {
  checks: IntertwinerCheck[];
  /** Name of the largest family that passed (computed from the checks). */
  group: string;
}

/** Checks every family for one activation and names its intertwiner group from the results. */
export function intertwinerTable(spec: ActivationSpec, rng: Rng, opts?: { n?: number }): GroupTableRow {
  const checks = GROUP_FAMILIES.map((family) => checkIntertwiner(spec, family, rng, opts));
  const holds = (f: GroupFamily) => checks.find((c) => c.family === f)!.holds;
  let group = 'trivial (no family checked holds)';
  if (holds('linear')) group = 'GL(n): no privileged basis';
  else if (holds('orthogonal')) group = 'O(n): rotations, reflections';
  else if (holds('scaled-permutation') && holds('signed-permutation')) group = 'scaled signed permutations';
  else if (holds('scaled-permutation')) group = 'permutations × positive scalings';
  else if (holds('signed-permutation')) group = 'signed permutations';
  else if (holds('permutation')) group = 'permutations only';
  return { checks, group };
}
