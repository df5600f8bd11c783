/**
 * Synthetic continuous distributions with no privileged direction (DESIGN §5.3): an isotropic
 * Gaussian N(0, I/d) (unit expected norm) and the uniform d-ball. Rows are samples.
 */
import type { Rng } from '../engine/rng';

export type ContinuousKind = 'gaussian' | 'ball';

export function continuousSamples(kind: ContinuousKind, n: number, d: number, rng: Rng): Float32Array {
  const out = new Float32Array(n * d);
  const scale = 1 / Math.sqrt(d);
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let c = 0; c < d; c++) {
      const v = rng.normal();
      out[r * d + c] = v;
      s += v * v;
    }
    // Ball: a uniform direction times radius U^{1/d}.
    const f = kind === 'gaussian' ? scale : rng.next() ** (1 / d) / Math.sqrt(s || 1);
    for (let c = 0; c < d; c++) out[r * d + c]! *= f;
  }
  return out;
}
