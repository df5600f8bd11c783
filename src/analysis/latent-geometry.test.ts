import { describe, expect, it } from 'vitest';
import { latentGeometry } from './latent-geometry';
import { runAnalysisJob } from './jobs';
import { identityBasis, type RowMatrix } from './row-matrix';
import { DEFAULT_ANGLES, srm } from './srm';
import { anisotropy, NULL_ROTATIONS } from './anisotropy';

describe('latentGeometry', () => {
  // Code 0 lies on the axes of R²; code 1 on the diagonals (45° off every axis).
  const onAxes = [1, 0, 0, 2, -3, 0, 0, -1];
  const onDiagonals = [1, 1, -2, 2, 3, -3, -1, -1];
  const latent = Float32Array.from([...onAxes, ...onDiagonals]);
  const bases = [identityBasis(2), identityBasis(2)];

  it('gives, per code, the SRM curves and the anisotropy of that code against its own basis', () => {
    const out = latentGeometry({ latent, models: 2, k: 2, bases, epsilon: 0.9, maxPlanes: 4 });
    expect(out.srm).toHaveLength(2 * DEFAULT_ANGLES);
    expect(out.anisotropy).toHaveLength(2 * 5);
    const second: RowMatrix = { rows: 4, cols: 2, data: onDiagonals };
    const s = srm(second, bases[1]!, { epsilon: 0.9, maxPlanes: 4, seed: 1 });
    expect(Array.from(out.srm.subarray(DEFAULT_ANGLES))).toEqual(Array.from(Float32Array.from(s.mean)));
    expect(Array.from(out.srmSd.subarray(DEFAULT_ANGLES))).toEqual(Array.from(Float32Array.from(s.sd)));
    // Hand values: on the axes every code's nearest cosine is 1; on the diagonals it is 1/√2.
    expect(out.anisotropy[0]).toBeCloseTo(1, 6);
    expect(out.anisotropy[5]).toBeCloseTo(Math.SQRT1_2, 6);
    const a = anisotropy(second, bases[1]!);
    expect(Array.from(out.anisotropy.subarray(5))).toEqual(Array.from(Float32Array.of(a.value, a.nullMean, a.nullLow, a.nullHigh, a.z)));
    expect(a.nullValues).toHaveLength(NULL_ROTATIONS);
  });

  it('runs the same by name, as a job worker would', () => {
    const input = { latent, models: 2, k: 2, bases, epsilon: 0.9, maxPlanes: 4 };
    expect(runAnalysisJob('latent-geometry', input)).toEqual(latentGeometry(input));
    expect(() => runAnalysisJob('no-such-job' as 'latent-geometry', input)).toThrow(/unknown analysis job/);
  });

  it('refuses a latent that is not G codes of width k, or a basis count that differs', () => {
    expect(() => latentGeometry({ latent: new Float32Array(7), models: 2, k: 2, bases, epsilon: 0.9, maxPlanes: 4 })).toThrow(
      /not 2 codes/,
    );
    expect(() => latentGeometry({ latent, models: 2, k: 2, bases: [bases[0]!], epsilon: 0.9, maxPlanes: 4 })).toThrow(/1 bases for 2/);
  });
});
