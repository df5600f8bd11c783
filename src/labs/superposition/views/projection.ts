/**
 * The 2D view of feature directions in m > 2 hidden dimensions: the first two rows of
 * R = G(1, min(3, m−1), ry) · G(0, 2, rx), Givens rotations of the identity.
 */
import type { Matrix } from '../../../analysis/dimensionality';

/** Givens rotation in the (a, b) plane as an m×m row-major matrix. */
export function givens(m: number, a: number, b: number, theta: number): Float64Array {
  const g = new Float64Array(m * m);
  for (let k = 0; k < m; k++) g[k * m + k] = 1;
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  g[a * m + a] = c;
  g[a * m + b] = -s;
  g[b * m + a] = s;
  g[b * m + b] = c;
  return g;
}

function matMul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k]!;
      if (aik === 0) continue;
      for (let j = 0; j < m; j++) out[i * m + j]! += aik * b[k * m + j]!;
    }
  return out;
}

/** The 2×m projection: rows 0 and 1 of R (for m ≤ 2, the identity's first rows). */
export function projectionRows(m: number, rx: number, ry: number): [number[], number[]] {
  if (m < 3) {
    const e = (k: number) => Array.from({ length: m }, (_, j) => (j === k ? 1 : 0));
    return [e(0), e(1)];
  }
  const r = matMul(givens(m, 1, Math.min(3, m - 1), ry), givens(m, 0, 2, rx), m);
  return [Array.from(r.subarray(0, m)), Array.from(r.subarray(m, 2 * m))];
}

/** Each column W_i of W projected into the view plane: [x, y] per feature. */
export function projectColumns(w: Matrix, rx: number, ry: number): Array<[number, number]> {
  const { rows: m, cols: n, data } = w;
  const [p0, p1] = projectionRows(m, rx, ry);
  return Array.from({ length: n }, (_, i) => {
    let x = 0;
    let y = 0;
    for (let k = 0; k < m; k++) {
      const v = data[k * n + i]!;
      x += p0[k]! * v;
      y += p1[k]! * v;
    }
    return [x, y];
  });
}
