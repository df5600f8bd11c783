import { describe, expect, it } from 'vitest';
import { createRng } from '../engine/rng';
import { planeCurve, planePairs, srm } from './srm';
import { identityBasis, planeFrame, type RowMatrix } from './row-matrix';

const deg = (m: number) => m; // 360-angle grid: index = degrees

/** n copies of each of ±e_i in R^k (scaled by `scale`). */
function onAxes(k: number, n: number, scale = 1, signs: number[] = [1, -1]): RowMatrix {
  const rows: number[] = [];
  for (let i = 0; i < k; i++) {
    for (const s of signs) {
      for (let t = 0; t < n; t++) {
        const r = new Array<number>(k).fill(0);
        r[i] = s * scale * (1 + t * 0.01);
        rows.push(...r);
      }
    }
  }
  return { rows: rows.length / k, cols: k, data: Float64Array.from(rows) };
}

function gaussian(n: number, k: number, seed: number): RowMatrix {
  const rng = createRng(seed);
  const data = new Float64Array(n * k);
  for (let i = 0; i < data.length; i++) data[i] = rng.normal();
  return { rows: n, cols: k, data };
}

/** P(â·s ≥ ε) for â uniform on S^{k−1}, by numerical integration of (1−t²)^{(k−3)/2}. */
function capFraction(k: number, eps: number): number {
  const f = (t: number) => (1 - t * t) ** ((k - 3) / 2);
  const steps = 20000;
  let num = 0;
  let den = 0;
  for (let s = 0; s < steps; s++) {
    const t = -1 + (2 * (s + 0.5)) / steps;
    den += f(t);
    if (t >= eps) num += f(t);
  }
  return num / den;
}

describe('SRM', () => {
  it('activations exactly on the basis give peaks of height 1/(2k) at 0, π/2, π, 3π/2 and nothing between', () => {
    const k = 3;
    const acts = onAxes(k, 5);
    const { mean, planes } = srm(acts, identityBasis(k), { epsilon: 0.9 });
    expect(planes).toHaveLength(k * (k - 1));
    const halfWidth = (Math.acos(0.9) * 180) / Math.PI; // 25.84°
    for (const peak of [0, 90, 180, 270]) {
      expect(mean[deg(peak)]).toBeCloseTo(1 / (2 * k), 12);
      // The whole cone around the peak has the same height…
      expect(mean[(deg(peak) + 25) % 360]).toBeCloseTo(1 / (2 * k), 12);
      expect(mean[(deg(peak) + 335) % 360]).toBeCloseTo(1 / (2 * k), 12);
    }
    // …and nothing falls between the cones.
    for (let m = 0; m < 360; m++) {
      const fromPeak = Math.min(...[0, 90, 180, 270, 360].map((p) => Math.abs(m - p)));
      if (fromPeak > halfWidth + 0.5) expect(mean[m]).toBe(0);
    }
  });

  it('signed SRM is antisymmetric under a → −a', () => {
    const acts = gaussian(400, 4, 3);
    const neg: RowMatrix = { ...acts, data: Float64Array.from(acts.data, (v) => -v) };
    const a = srm(acts, identityBasis(4), { epsilon: 0.6, signed: true }).mean;
    const b = srm(neg, identityBasis(4), { epsilon: 0.6, signed: true }).mean;
    let nonzero = 0;
    for (let m = 0; m < 360; m++) {
      expect(b[m]).toBeCloseTo(-a[m]!, 12);
      // and s(θ+π) = −s(θ): the signed curve is also odd under half a turn
      expect(a[(m + 180) % 360]).toBeCloseTo(-a[m]!, 12);
      if (Math.abs(a[m]!) > 1e-9) nonzero++;
    }
    expect(nonzero).toBeGreaterThan(100);
  });

  it('signed SRM of one-sided clusters: +1/k at the axis, −1/k opposite', () => {
    const k = 2;
    const acts = onAxes(k, 4, 1, [1]);
    const { mean } = srm(acts, identityBasis(k), { epsilon: 0.9, signed: true, ordered: false });
    expect(mean[0]).toBeCloseTo(0.5, 12);
    expect(mean[90]).toBeCloseTo(0.5, 12);
    expect(mean[180]).toBeCloseTo(-0.5, 12);
    expect(mean[270]).toBeCloseTo(-0.5, 12);
    expect(mean[45]).toBe(0);
  });

  it('matches the direct O(N·angles) definition on random data', () => {
    const acts = gaussian(300, 3, 9);
    const basis = identityBasis(3);
    const frame = planeFrame(basis, 0, 2)!;
    const unit = acts.data;
    const xs: number[] = [];
    const ys: number[] = [];
    const direct = new Float64Array(360);
    for (let r = 0; r < acts.rows; r++) {
      const v = [unit[r * 3]!, unit[r * 3 + 1]!, unit[r * 3 + 2]!];
      const n = Math.hypot(...v);
      const x = (v[0]! * frame.u[0]! + v[2]! * frame.u[2]!) / n;
      const y = (v[0]! * frame.v[0]! + v[2]! * frame.v[2]!) / n;
      xs.push(x);
      ys.push(y);
      for (let m = 0; m < 360; m++) {
        const t = (2 * Math.PI * m) / 360;
        if (x * Math.cos(t) + y * Math.sin(t) >= 0.7) direct[m]! += 1 / acts.rows;
      }
    }
    const fast = planeCurve(xs, ys, 0.7);
    for (let m = 0; m < 360; m++) expect(fast[m]).toBeCloseTo(direct[m]!, 12);
  });

  it('an isotropic Gaussian sample gives a flat curve within sampling error', () => {
    const k = 4;
    const eps = 0.8;
    const n = 6000;
    const acts = gaussian(n, k, 11);
    const { mean } = srm(acts, identityBasis(k), { epsilon: eps });
    const p = capFraction(k, eps);
    // Each of the 12 planes sees the same sample, so the mean curve's error is at most one plane's:
    // binomial sd √(p(1−p)/N).
    const sd = Math.sqrt((p * (1 - p)) / n);
    for (let m = 0; m < 360; m++) expect(Math.abs(mean[m]! - p)).toBeLessThan(4 * sd);
  });

  it('reports the s.d. over planes: 0 where every plane agrees, the spread of hand-computed curves elsewhere', () => {
    // In R^3 with points only on +e_0: planes (0,1), (0,2) see them at θ = 0; planes (1,0), (2,0)
    // at θ = 90°; planes (1,2), (2,1) never. At θ = 0 the six plane values are 1,1,0,0,0,0.
    const acts = Float64Array.from(onAxes(3, 4, 1, [1]).data).slice(0, 12);
    const r = srm({ rows: 4, cols: 3, data: acts }, identityBasis(3), { epsilon: 0.9 });
    expect(r.mean[0]).toBeCloseTo(1 / 3, 12);
    expect(r.sd[0]).toBeCloseTo(Math.sqrt(1 / 3 - 1 / 9), 12);
    expect(r.sd[180]).toBe(0);
  });

  it('caps the planes with a seeded sample and supports unordered pairs', () => {
    expect(planePairs(5)).toHaveLength(20);
    expect(planePairs(5, { ordered: false })).toHaveLength(10);
    const a = planePairs(16, { maxPlanes: 24, seed: 3 });
    expect(a).toHaveLength(24);
    expect(planePairs(16, { maxPlanes: 24, seed: 3 })).toEqual(a);
    expect(new Set(a.map(([i, j]) => `${i},${j}`)).size).toBe(24);
  });

  it('rejects a basis of the wrong width', () => {
    expect(() => srm(gaussian(10, 3, 1), identityBasis(4))).toThrow(/4 columns but the activations have 3/);
  });
});
