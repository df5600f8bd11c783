import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../engine/lab';
import { latentGeometry } from '../../../analysis/latent-geometry';
import { srm } from '../../../analysis/srm';
import { ANISOTROPY_KEYS } from '../../../analysis/anisotropy';
import { createRng } from '../../../engine/rng';
import { analyseModel, snapshotModels } from './analysis';
import { MAX_PLANES } from '../params';

const G = 2;
const P = 300;
const k = 4;
const EPS = 0.9;

function latentOf(seed: number): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(G * P * k);
  // Model 0 sits near the axes (a privileged basis shows), model 1 is Gaussian.
  for (let r = 0; r < P; r++) {
    const axis = r % k;
    for (let c = 0; c < k; c++) out[r * k + c] = (c === axis ? 2 : 0) + 0.2 * rng.normal();
    for (let c = 0; c < k; c++) out[P * k + r * k + c] = rng.normal();
  }
  return out;
}

const identity = (n: number) => {
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) d[i * n + i] = 1;
  return { rows: n, cols: n, data: d };
};

/** A snapshot as the worker sends it: the latent codes and latentGeometry's read-outs of them. */
function workerSnapshot(): Snapshot {
  const latent = latentOf(3);
  const geo = latentGeometry({ latent, models: G, k, bases: [identity(k), identity(k)], epsilon: EPS, maxPlanes: MAX_PLANES });
  return {
    step: 10,
    loss: 0,
    weights: {},
    analysisStep: 10,
    analysis: {
      latent: { shape: [G, P, k], data: latent },
      reconstruction: { shape: [G], data: new Float32Array([0.1, 0.2]) },
      srm: { shape: [G, geo.srm.length / G], data: geo.srm },
      srmSd: { shape: [G, geo.srmSd.length / G], data: geo.srmSd },
      anisotropy: { shape: [G, ANISOTROPY_KEYS.length], data: geo.anisotropy },
    },
  };
}

describe('spotlight view analysis', () => {
  const models = snapshotModels(workerSnapshot(), {}, ['tanh', 'iso'], EPS);
  const options = { epsilon: EPS, signed: false, plane: undefined, normalisedPppm: false };

  it("shows the worker's SRM at its ε: the curve the page would compute itself, to float32 precision", () => {
    expect(models).toHaveLength(G);
    for (const m of models) {
      const shown = analyseModel(m, options);
      const own = srm(m.acts, m.basis, { epsilon: EPS, maxPlanes: MAX_PLANES, seed: 1 });
      expect(shown.curve).toBe(m.srm!.mean);
      expect(shown.curve.length).toBe(own.mean.length);
      for (let i = 0; i < own.mean.length; i++) {
        expect(shown.curve[i]).toBeCloseTo(own.mean[i]!, 6);
        expect(shown.sd[i]).toBeCloseTo(own.sd[i]!, 6);
      }
    }
    // The two models' curves differ (the test would not notice a swapped model otherwise).
    expect(Math.max(...models[0]!.srm!.mean)).toBeGreaterThan(Math.max(...models[1]!.srm!.mean) + 0.05);
  });

  it('computes its own SRM at another ε or signed', () => {
    const m = models[0]!;
    const other = analyseModel(m, { ...options, epsilon: 0.7 });
    expect(other.curve).not.toBe(m.srm!.mean);
    const expected = srm(m.acts, m.basis, { epsilon: 0.7, maxPlanes: MAX_PLANES, seed: 1 });
    expect(Array.from(other.curve)).toEqual(Array.from(expected.mean));
    const signed = analyseModel(m, { ...options, signed: true });
    const expectedSigned = srm(m.acts, m.basis, { epsilon: EPS, maxPlanes: MAX_PLANES, seed: 1, signed: true });
    expect(Array.from(signed.curve)).toEqual(Array.from(expectedSigned.mean));
  });

  it('has no worker SRM when the snapshot carries none', () => {
    const snap = workerSnapshot();
    delete snap.analysis!.srm;
    const [m] = snapshotModels(snap, {}, ['tanh', 'iso'], EPS);
    expect(m!.srm).toBeNull();
    const shown = analyseModel(m!, options);
    const own = srm(m!.acts, m!.basis, { epsilon: EPS, maxPlanes: MAX_PLANES, seed: 1 });
    expect(Array.from(shown.curve)).toEqual(Array.from(own.mean));
  });
});
