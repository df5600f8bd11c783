import type { Rng } from '../engine/rng';

/**
 * A Haar-random n×n rotation (orthogonal matrix), row-major: Gram–Schmidt (two passes, for
 * orthogonality to rounding) on the rows of a Gaussian matrix, redrawing a row in the
 * probability-zero case that it is dependent on the earlier ones. The anisotropy null, the rotation
 * null of the intertwiner lab and the group checks all draw from here.
 */
export function randomRotation(n: number, rng: Rng): Float64Array {
  const q = new Float64Array(n * n);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (;;) {
      for (let c = 0; c < n; c++) v[c] = rng.normal();
      for (let pass = 0; pass < 2; pass++) {
        for (let j = 0; j < i; j++) {
          let dot = 0;
          for (let c = 0; c < n; c++) dot += v[c]! * q[j * n + c]!;
          for (let c = 0; c < n; c++) v[c]! -= dot * q[j * n + c]!;
        }
      }
      let s = 0;
      for (let c = 0; c < n; c++) s += v[c]! ** 2;
      if (s > 1e-12) {
        const inv = 1 / Math.sqrt(s);
        for (let c = 0; c < n; c++) q[i * n + c] = v[c]! * inv;
        break;
      }
    }
  }
  return q;
}
