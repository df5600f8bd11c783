/**
 * The spotlight lab's slow read-outs of G latent codes, as one pure function of plain arrays: per
 * code, the SRM mean and s.d. curves against its privileged basis and the anisotropy against its
 * rotation null. Pure and free of tfjs, so the page can run it in a job worker while training goes
 * on (engine/analysis-offload.ts), and the runner and the tests run the very same function inline.
 */
import { DEFAULT_ANGLES, srm } from './srm';
import { anisotropy, ANISOTROPY_KEYS } from './anisotropy';
import type { RowMatrix } from './row-matrix';

export interface LatentGeometryInput {
  /** G codes of P rows × k, stacked [G, P, k]. */
  latent: Float32Array;
  models: number;
  k: number;
  /** Per code, its privileged directions (K × k). */
  bases: readonly RowMatrix[];
  epsilon: number;
  maxPlanes: number;
}

export interface LatentGeometry {
  /** [G, DEFAULT_ANGLES]: SRM mean over planes. */
  srm: Float32Array;
  /** [G, DEFAULT_ANGLES]: SRM s.d. over planes. */
  srmSd: Float32Array;
  /** [G, ANISOTROPY_KEYS.length]: value, nullMean, nullLow, nullHigh, z per code. */
  anisotropy: Float32Array;
}

export function latentGeometry(input: LatentGeometryInput): LatentGeometry {
  const { latent, models: G, k, bases } = input;
  if (G < 1 || k < 1 || latent.length % (G * k) !== 0)
    throw new Error(`a latent of ${latent.length} values is not ${G} codes of width ${k}`);
  if (bases.length !== G) throw new Error(`${bases.length} bases for ${G} codes`);
  const P = latent.length / (G * k);
  const fields = ANISOTROPY_KEYS.length;
  const out: LatentGeometry = {
    srm: new Float32Array(G * DEFAULT_ANGLES),
    srmSd: new Float32Array(G * DEFAULT_ANGLES),
    anisotropy: new Float32Array(G * fields),
  };
  for (let g = 0; g < G; g++) {
    const acts: RowMatrix = { rows: P, cols: k, data: latent.subarray(g * P * k, (g + 1) * P * k) };
    const s = srm(acts, bases[g]!, { epsilon: input.epsilon, maxPlanes: input.maxPlanes, seed: 1 });
    out.srm.set(s.mean, g * DEFAULT_ANGLES);
    out.srmSd.set(s.sd, g * DEFAULT_ANGLES);
    const a = anisotropy(acts, bases[g]!);
    out.anisotropy.set([a.value, a.nullMean, a.nullLow, a.nullHigh, a.z], g * fields);
  }
  return out;
}
