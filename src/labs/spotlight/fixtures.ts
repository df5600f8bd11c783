/** Small import fixtures (e2e/fixtures/spotlight-*), generated deterministically. */
import { createRng } from '../../engine/rng';
import { encodeNpy } from '../../data/npy';

/** 400 activations in R^4 clustered on ±e_i (σ = 0.1 noise): SRM peaks at 0, π/2, π, 3π/2. */
export function axisActivations(): { rows: number; cols: number; data: Float64Array } {
  const rng = createRng(42);
  const k = 4;
  const rows = 400;
  const data = new Float64Array(rows * k);
  for (let r = 0; r < rows; r++) {
    const axis = r % k;
    const sign = Math.floor(r / k) % 2 === 0 ? 1 : -1;
    for (let c = 0; c < k; c++) data[r * k + c] = (c === axis ? sign * (0.8 + 0.4 * rng.next()) : 0) + 0.1 * rng.normal();
  }
  return { rows, cols: k, data };
}

export function fixtureFiles(): Record<string, Uint8Array> {
  const acts = axisActivations();
  const npy = encodeNpy(acts, { dtype: '<f4' });
  const basis = encodeNpy({ rows: 4, cols: 4, data: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1] }, { dtype: '>f8' });
  const csvRows: string[] = ['u0,u1,u2,u3'];
  for (let r = 0; r < 40; r++) csvRows.push(Array.from(acts.data.subarray(r * 4, r * 4 + 4), (v) => v.toFixed(5)).join(','));
  return {
    'spotlight-activations.npy': npy,
    'spotlight-basis.npy': basis,
    'spotlight-basis-3col.npy': encodeNpy({ rows: 3, cols: 3, data: [1, 0, 0, 0, 1, 0, 0, 0, 1] }),
    'spotlight-corrupt.npy': npy.subarray(0, npy.length - 100),
    'spotlight-activations.csv': new TextEncoder().encode(`${csvRows.join('\n')}\n`),
  };
}
