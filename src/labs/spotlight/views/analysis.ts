/** View-side analyses of a snapshot at the view's ε and plane (memoised by the caller). */
import type { Snapshot } from '../../../engine/lab';
import {
  normaliseRows,
  planeFrame,
  planePairs,
  pppm,
  projectOntoPlane,
  quantisationIndex,
  srm,
  type PppmResult,
  type RowMatrix,
} from '../../../analysis/srm';
import { MAX_PLANES } from '../params';

export interface ModelView {
  name: string;
  acts: RowMatrix;
  basis: RowMatrix;
  reconstruction: number;
}

export interface ModelAnalysis {
  name: string;
  curve: Float64Array;
  index: number;
  reconstruction: number;
  pppm: PppmResult | null;
  /** Normalised activations projected on the chosen plane (all points). */
  x: Float64Array;
  y: Float64Array;
  plane: [number, number];
}

/** Per-model latent activations and privileged bases from a spotlight snapshot. */
export function snapshotModels(snapshot: Snapshot | null, names: string[]): ModelView[] {
  const lat = snapshot?.tensors.latent;
  if (!snapshot || !lat) return [];
  const [G, P, k] = lat.shape as [number, number, number];
  const rec = snapshot.tensors.reconstruction;
  const out: ModelView[] = [];
  for (let g = 0; g < G; g++) {
    const b = snapshot.tensors[`basis${g}`];
    out.push({
      name: names[g] ?? `model ${g + 1}`,
      acts: { rows: P, cols: k, data: lat.data.subarray(g * P * k, (g + 1) * P * k) },
      basis: b ? { rows: b.shape[0]!, cols: b.shape[1]!, data: b.data } : { rows: k, cols: k, data: identity(k) },
      reconstruction: rec?.data[g] ?? NaN,
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

export function analyseModel(m: ModelView, epsilon: number, signed: boolean, planeText: string | undefined): ModelAnalysis {
  const plane = parsePlane(planeText, m.basis.rows);
  const common = { epsilon, maxPlanes: MAX_PLANES, seed: 1 };
  const q = quantisationIndex(m.acts, m.basis, { ...common, rotations: 2 });
  const curve = signed ? srm(m.acts, m.basis, { ...common, signed: true }).mean : q.srm.mean;
  const frame = planeFrame(m.basis, plane[0], plane[1]);
  let p: PppmResult | null = null;
  let x: Float64Array = new Float64Array(0);
  let y: Float64Array = new Float64Array(0);
  if (frame) {
    p = pppm(m.acts, m.basis, plane, { epsilon, grid: 24, bandwidth: 0.08, nullSamples: 8000, seed: 1 });
    ({ x, y } = projectOntoPlane(normaliseRows(m.acts), m.acts.cols, frame));
  }
  return { name: m.name, curve, index: q.index, reconstruction: m.reconstruction, pppm: p, x, y, plane };
}

export function planeOptions(K: number): string[] {
  return planePairs(K, { ordered: false, maxPlanes: 120, seed: 1 }).map(([i, j]) => `${i}-${j}`);
}
