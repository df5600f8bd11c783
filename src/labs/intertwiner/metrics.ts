/** What the views and the runner report, read from the snapshot's fitted tensors (cheap). */
import type { MetricValue, Metrics, Params, Snapshot } from '../../engine/lab';
import { str } from '../../engine/params';
import { MAP_KINDS, recoveredShare, type MapKind } from '../../analysis/alignment';
import { activationSet, type ActivationId } from './activations';

/** The hidden layer whose numbers the runner's top-level `residual` / `stitchedAccuracy` report. */
export const PRIMARY_LAYER = 1;

/** The permutation-type maps: the discrete groups an elementwise activation can have. */
export const PERMUTATION_TYPE: readonly MapKind[] = ['permutation', 'scaled-permutation', 'signed-permutation'];

export interface LayerTable {
  /** [activation][map] */
  residual: number[][];
  stitched: number[][];
}

export interface FitTables {
  activations: readonly ActivationId[];
  layers: number;
  byLayer: LayerTable[];
  /** Held-out score (accuracy or R²) of each activation's networks A and B. */
  own: Array<[number, number]>;
  fitStep: number;
  fitMs: number;
}

export function fitTables(snapshot: Snapshot | null, params: Params): FitTables | null {
  const residual = snapshot?.tensors.residual;
  const stitched = snapshot?.tensors.stitched;
  const own = snapshot?.tensors.ownScore;
  const info = snapshot?.tensors.fitInfo;
  if (!residual || !stitched || !own || !info) return null;
  const activations = activationSet(str(params, 'activations'));
  const [nAct, L, K] = residual.shape as [number, number, number];
  if (nAct !== activations.length || K !== MAP_KINDS.length) return null;
  const byLayer: LayerTable[] = [];
  for (let l = 0; l < L; l++) {
    const pick = (t: Float32Array) => activations.map((_, a) => Array.from(t.subarray((a * L + l) * K, (a * L + l + 1) * K)));
    byLayer.push({ residual: pick(residual.data), stitched: pick(stitched.data) });
  }
  return {
    activations,
    layers: L,
    byLayer,
    own: activations.map((_, a) => [own.data[2 * a]!, own.data[2 * a + 1]!] as [number, number]),
    fitStep: info.data[0]!,
    fitMs: info.data[1]!,
  };
}

/**
 * Share of a reference map's gain over the identity that the best permutation-type map recovers:
 * the issue measures it against the orthogonal map, DESIGN §5.5 against the general linear one.
 */
export function permutationShare(residuals: readonly number[], reference: 'orthogonal' | 'linear' = 'orthogonal'): number {
  const r = (k: MapKind) => residuals[MAP_KINDS.indexOf(k)]!;
  const best = Math.min(...PERMUTATION_TYPE.map(r));
  return recoveredShare(r('identity'), best, r(reference));
}

const round = (x: number) => (Number.isFinite(x) ? +x.toFixed(5) : NaN);

function byActivationThenMap(t: FitTables, rows: number[][]): Record<string, MetricValue> {
  const out: Record<string, MetricValue> = {};
  t.activations.forEach((act, a) => {
    const m: Record<string, MetricValue> = {};
    MAP_KINDS.forEach((k, i) => (m[k] = round(rows[a]![i]!)));
    out[act] = m;
  });
  return out;
}

export function intertwinerMetrics(snapshot: Snapshot, params: Params): Metrics {
  const t = fitTables(snapshot, params);
  if (!t) return { fitted: 0 };
  const classifier = str(params, 'task') === 'classifier';
  const stitchedKey = classifier ? 'stitchedAccuracy' : 'stitchedR2';
  const primary = t.byLayer[Math.min(PRIMARY_LAYER, t.layers) - 1]!;
  const layers: Record<string, MetricValue> = {};
  const shares: Record<string, MetricValue> = {};
  const sharesOfLinear: Record<string, MetricValue> = {};
  t.byLayer.forEach((lt, l) => {
    const share: Record<string, MetricValue> = {};
    const ofLinear: Record<string, MetricValue> = {};
    t.activations.forEach((act, a) => {
      share[act] = round(permutationShare(lt.residual[a]!));
      ofLinear[act] = round(permutationShare(lt.residual[a]!, 'linear'));
    });
    shares[String(l + 1)] = share;
    sharesOfLinear[String(l + 1)] = ofLinear;
    layers[String(l + 1)] = {
      residual: byActivationThenMap(t, lt.residual),
      [stitchedKey]: byActivationThenMap(t, lt.stitched),
    };
  });
  const own: Record<string, MetricValue> = {};
  t.activations.forEach((act, a) => (own[act] = t.own[a]!.map(round)));
  return {
    layer: PRIMARY_LAYER,
    residual: byActivationThenMap(t, primary.residual),
    [stitchedKey]: byActivationThenMap(t, primary.stitched),
    permutationShare: shares[String(PRIMARY_LAYER)]!,
    permutationShareOfLinear: sharesOfLinear[String(PRIMARY_LAYER)]!,
    byLayer: layers,
    permutationShareByLayer: shares,
    [classifier ? 'accuracy' : 'r2']: own,
    fitStep: t.fitStep,
    fitMs: round(t.fitMs),
  };
}
