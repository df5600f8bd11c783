/** View-side analyses of a snapshot at the view's ε and plane (memoised by the caller). */
import type { NamedTensor, Snapshot } from '../../../engine/lab';
import { planePairs, projectOntoPlane, srm } from '../../../analysis/srm';
import { normaliseRows, planeFrame, type RowMatrix } from '../../../analysis/row-matrix';
import { pppm, pppmEnsemble, type PppmResult } from '../../../analysis/pppm';
import { anisotropy, type AnisotropySummary } from '../../../analysis/anisotropy';
import { MAX_PLANES } from '../params';
import { snapshotAnisotropy } from '../metrics';

export interface ModelView {
  name: string;
  acts: RowMatrix;
  basis: RowMatrix;
  reconstruction: number;
  /** The worker's anisotropy (the number the CSV and the runner report); null: compute it here. */
  anisotropy: AnisotropySummary | null;
  /** The worker's unsigned SRM (mean and s.d. over planes) at ε = `epsilon`; null: compute it here. */
  srm: { epsilon: number; mean: Float64Array; sd: Float64Array } | null;
}

export interface ModelAnalysis {
  name: string;
  /** Mean and s.d. over planes of the SRM curve at the view's ε. */
  curve: Float64Array;
  sd: Float64Array;
  anisotropy: AnisotropySummary;
  reconstruction: number;
  /** PPPM of the chosen plane, and of all (sampled) planes stacked. */
  pppm: PppmResult | null;
  ensemble: PppmResult | null;
  /** Normalised activations projected on the chosen plane (all points). */
  x: Float64Array;
  y: Float64Array;
  plane: [number, number];
}

/** Per-model latent activations and privileged bases from a spotlight snapshot. */
export function snapshotModels(
  snapshot: Snapshot | null,
  staticData: Readonly<Record<string, NamedTensor>>,
  names: string[],
  srmEpsilon: number,
): ModelView[] {
  const lat = snapshot?.analysis?.latent;
  if (!snapshot || !lat) return [];
  const [G, P, k] = lat.shape as [number, number, number];
  const rec = snapshot.analysis?.reconstruction;
  const srmMean = snapshot.analysis?.srm;
  const srmSd = snapshot.analysis?.srmSd;
  const angles = srmMean?.shape[1] ?? 0;
  const workerSrm = (g: number) =>
    srmMean && srmSd && srmMean.shape[0]! > g && srmSd.shape[1] === angles
      ? {
          epsilon: srmEpsilon,
          mean: Float64Array.from(srmMean.data.subarray(g * angles, (g + 1) * angles)),
          sd: Float64Array.from(srmSd.data.subarray(g * angles, (g + 1) * angles)),
        }
      : null;
  const out: ModelView[] = [];
  for (let g = 0; g < G; g++) {
    const b = staticData[`basis${g}`];
    out.push({
      name: names[g] ?? `model ${g + 1}`,
      acts: { rows: P, cols: k, data: lat.data.subarray(g * P * k, (g + 1) * P * k) },
      basis: b ? { rows: b.shape[0]!, cols: b.shape[1]!, data: b.data } : { rows: k, cols: k, data: identity(k) },
      reconstruction: rec?.data[g] ?? NaN,
      anisotropy: snapshotAnisotropy(snapshot, g),
      srm: workerSrm(g),
    });
  }
  return out;
}

function identity(k: number): Float64Array {
  const d = new Float64Array(k * k);
  for (let i = 0; i < k; i++) d[i * k + i] = 1;
  return d;
}

/** Parses "i-j" into a valid plane of K directions, or the first plane. */
export function parsePlane(text: string | undefined, K: number): [number, number] {
  const m = /^(\d+)-(\d+)$/.exec(text ?? '');
  if (m) {
    const i = Number(m[1]);
    const j = Number(m[2]);
    if (i < K && j < K && i !== j) return [i, j];
  }
  return [0, 1];
}

export interface ViewOptions {
  epsilon: number;
  signed: boolean;
  plane: string | undefined;
  /** PPPM of â (unit disk) instead of the author's un-normalised projection. */
  normalisedPppm: boolean;
}

export function analyseModel(m: ModelView, o: ViewOptions): ModelAnalysis {
  const plane = parsePlane(o.plane, m.basis.rows);
  // The worker computed the unsigned SRM at its ε with the same settings (the CSV's numbers): reused
  // rather than computed again on the page's thread, unless the view asks for another ε or signed.
  const s =
    m.srm && !o.signed && m.srm.epsilon === o.epsilon
      ? m.srm
      : srm(m.acts, m.basis, { epsilon: o.epsilon, maxPlanes: MAX_PLANES, seed: 1, signed: o.signed });
  const frame = planeFrame(m.basis, plane[0], plane[1]);
  const popts = { epsilon: o.epsilon, normalised: o.normalisedPppm, grid: 28, bandwidth: 0.05, nullSamples: 12000, seed: 1 };
  let p: PppmResult | null = null;
  let ensemble: PppmResult | null = null;
  let x: Float64Array = new Float64Array(0);
  let y: Float64Array = new Float64Array(0);
  if (frame) {
    p = pppm(m.acts, m.basis, plane, popts);
    ({ x, y } = projectOntoPlane(normaliseRows(m.acts), m.acts.cols, frame));
  }
  try {
    ensemble = pppmEnsemble(m.acts, m.basis, planePairs(m.basis.rows, { maxPlanes: MAX_PLANES, seed: 1 }), popts);
  } catch {
    ensemble = null;
  }
  const a = m.anisotropy ?? anisotropy(m.acts, m.basis);
  return { name: m.name, curve: s.mean, sd: s.sd, anisotropy: a, reconstruction: m.reconstruction, pppm: p, ensemble, x, y, plane };
}

export function planeOptions(K: number): string[] {
  return planePairs(K, { ordered: false, maxPlanes: 120, seed: 1 }).map(([i, j]) => `${i}-${j}`);
}
