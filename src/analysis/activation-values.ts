/**
 * Activation functions defined through privileged directions (DESIGN §5.3), as plain numbers: the
 * specification shared by the spotlight and intertwiner labs and the values the group checks use.
 * The tfjs ops and their gradients are in nn/activations.ts.
 *   elementwise (permutation-equivariant): f(x) = Bᵀ σ(B x), B = I or K Thomson directions;
 *   isotropic (orthogonal-equivariant):   f(x) = σ(‖x‖) x/‖x‖, linear inside a tiny ball.
 */
import type { Directions } from './thomson';

export const SCALAR_FUNCTIONS = ['tanh', 'leaky-relu', 'gelu', 'sigmoid', 'relu'] as const;
export type ScalarFunction = (typeof SCALAR_FUNCTIONS)[number];

export const LEAKY_SLOPE = 0.1;
/** Below this norm the isotropic map is linear (σ(r)/r taken at r = ISO_BALL). */
export const ISO_BALL = 1e-3;

export type ActivationSpec =
  { kind: 'elementwise'; fn: ScalarFunction; basis: Directions | null } | { kind: 'isotropic'; fn: 'tanh' | 'leaky-relu' };

/** σ on one number, for checks and plain-JS analyses. */
export function scalarValue(fn: ScalarFunction, x: number): number {
  switch (fn) {
    case 'tanh':
      return Math.tanh(x);
    case 'leaky-relu':
      return x >= 0 ? x : LEAKY_SLOPE * x;
    case 'relu':
      return Math.max(0, x);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-x));
    case 'gelu':
      return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
  }
}

/**
 * Radial profile of the isotropic activations, divided by r (so f(x) = x · g(‖x‖)):
 *   iso-tanh:        g(r) = tanh(r)/r;
 *   iso-leaky-relu:  slope LEAKY_SLOPE inside the unit ball, slope 1 outside (continuous, f(0) = 0).
 */
export function radialGainValue(fn: 'tanh' | 'leaky-relu', r: number): number {
  const rc = Math.max(r, ISO_BALL);
  if (fn === 'tanh') return Math.tanh(rc) / rc;
  return rc < 1 ? LEAKY_SLOPE : (rc - 1 + LEAKY_SLOPE) / rc;
}

/** The same activation on one vector in plain JS (for the intertwiner group checks). */
export function applyActivationValue(spec: ActivationSpec, x: ArrayLike<number>): Float64Array {
  const k = x.length;
  const out = new Float64Array(k);
  if (spec.kind === 'isotropic') {
    let s = 0;
    for (let i = 0; i < k; i++) s += x[i]! ** 2;
    const g = radialGainValue(spec.fn, Math.sqrt(s));
    for (let i = 0; i < k; i++) out[i] = x[i]! * g;
    return out;
  }
  if (!spec.basis) {
    for (let i = 0; i < k; i++) out[i] = scalarValue(spec.fn, x[i]!);
    return out;
  }
  const { count, dim, data } = spec.basis;
  for (let j = 0; j < count; j++) {
    let dot = 0;
    for (let c = 0; c < dim; c++) dot += data[j * dim + c]! * x[c]!;
    const s = scalarValue(spec.fn, dot);
    for (let c = 0; c < dim; c++) out[c]! += s * data[j * dim + c]!;
  }
  return out;
}
