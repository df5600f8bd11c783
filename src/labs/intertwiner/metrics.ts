/** What the views and the runner report, read from the snapshot's fitted tensors (cheap). */
import type { MetricValue, Metrics, Params, Snapshot } from '../../engine/lab';
import { str } from '../../engine/params';
import { MAP_KINDS, recoveredShare, type MapKind } from '../../analysis/alignment';
import { activationSet, type ActivationId } from './activations';
import { STITCH_KINDS } from './stitching-kinds';

/** The hidden layer whose numbers the runner's top-level `residual` / `stitchedAccuracy` report. */
export const PRIMARY_LAYER = 1;

/** The permutation-type maps: the discrete groups an elementwise activation can have. */
export const PERMUTATION_TYPE: readonly MapKind[] = ['permutation', 'scaled-permutation', 'signed-permutation'];

/** [activation][map]: the null's held-out residual (mean, low, high over the rotations) and mean / observed. */
export interface NullTable {
  mean: number[][];
  low: number[][];
  high: number[][];
  ratio: number[][];
}

export interface LayerTable {
  /** [activation][map] */
  residual: number[][];
  stitched: number[][];
  /** The rotation null (null until the first stopped or throttled fit). */
  rotationNull: NullTable | null;
  /** [activation]: Godfrey et al.'s similarities. */
  gProcrustes: number[];
  orthogonalProcrustes: number[];
  /** [activation][stitch kind]: held-out score through each trained stitching layer (null before the first stitching). */
  stitch: number[][] | null;
}

export interface FitTables {
  activations: readonly ActivationId[];
  layers: number;
  byLayer: LayerTable[];
  /** Held-out score (accuracy or R²) of each activation's networks A and B. */
  own: Array<[number, number]>;
  fitStep: number;
  fitMs: number;
  /** Step and milliseconds of the latest stitching (−1 before the first). */
  stitchStep: number;
  stitchMs: number;
}

export function fitTables(snapshot: Snapshot | null, params: Params): FitTables | null {
  const residual = snapshot?.analysis?.residual;
  const stitched = snapshot?.analysis?.stitched;
  const own = snapshot?.analysis?.ownScore;
  const info = snapshot?.analysis?.fitInfo;
  if (!residual || !stitched || !own || !info) return null;
  const activations = activationSet(str(params, 'activations'));
  const [nAct, L, K] = residual.shape as [number, number, number];
  if (nAct !== activations.length || K !== MAP_KINDS.length) return null;
  const band = snapshot.analysis?.nullBand;
  const sim = snapshot.analysis?.similarity;
  const stitch = snapshot.analysis?.stitchScore;
  const stitchInfo = snapshot.analysis?.stitchInfo;
  if (!sim) return null;
  const S = STITCH_KINDS.length;
  const byLayer: LayerTable[] = [];
  for (let l = 0; l < L; l++) {
    const pick = (t: Float32Array) => activations.map((_, a) => Array.from(t.subarray((a * L + l) * K, (a * L + l + 1) * K)));
    const fromBand = (data: Float32Array, q: number) =>
      activations.map((_, a) => Array.from({ length: K }, (_, k) => data[((a * L + l) * K + k) * 4 + q]!));
    let rotationNull: NullTable | null = null;
    if (band) {
      const observed = fromBand(band.data, 0);
      const mean = fromBand(band.data, 1);
      const ratio = mean.map((row, a) => row.map((m, k) => m / observed[a]![k]!));
      rotationNull = { mean, low: fromBand(band.data, 2), high: fromBand(band.data, 3), ratio };
    }
    byLayer.push({
      residual: pick(residual.data),
      stitched: pick(stitched.data),
      rotationNull,
      gProcrustes: activations.map((_, a) => sim.data[(a * L + l) * 2]!),
      orthogonalProcrustes: activations.map((_, a) => sim.data[(a * L + l) * 2 + 1]!),
      stitch: stitch ? activations.map((_, a) => Array.from(stitch.data.subarray((a * L + l) * S, (a * L + l + 1) * S))) : null,
    });
  }
  return {
    activations,
    layers: L,
    byLayer,
    own: activations.map((_, a) => [own.data[2 * a]!, own.data[2 * a + 1]!] as [number, number]),
    fitStep: info.data[0]!,
    fitMs: info.data[1]!,
    stitchStep: stitchInfo ? stitchInfo.data[0]! : -1,
    stitchMs: stitchInfo ? stitchInfo.data[1]! : 0,
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

/** The headline rotation-null ratio: the permutation × positive-scaling family (G_ReLU), as in the issue. */
export const HEADLINE_NULL_MAP: MapKind = 'scaled-permutation';

/** Accuracy (or R²) points lost by stitching A onto B, against network B alone. */
export function stitchingPenalties(t: FitTables, lt: LayerTable, a: number): Record<string, number> | null {
  if (!lt.stitch) return null;
  const own = t.own[a]![1];
  const out: Record<string, number> = {};
  STITCH_KINDS.forEach((k, i) => (out[k] = round(100 * (own - lt.stitch![a]![i]!))));
  return out;
}

/** { [layer]: { [activation]: value } } */
function perLayerAndActivation(t: FitTables, value: (lt: LayerTable, a: number) => MetricValue | null): Record<string, MetricValue> {
  const out: Record<string, MetricValue> = {};
  t.byLayer.forEach((lt, l) => {
    const row: Record<string, MetricValue> = {};
    t.activations.forEach((act, a) => {
      const v = value(lt, a);
      if (v !== null) row[act] = v;
    });
    out[String(l + 1)] = row;
  });
  return out;
}

function symmetryMetrics(t: FitTables): Metrics {
  const h = MAP_KINDS.indexOf(HEADLINE_NULL_MAP);
  const byMap = (rows: number[][], a: number) => {
    const m: Record<string, MetricValue> = {};
    MAP_KINDS.forEach((k, i) => (m[k] = round(rows[a]![i]!)));
    return m;
  };
  return {
    rotationNullRatio: perLayerAndActivation(t, (lt, a) => (lt.rotationNull ? round(lt.rotationNull.ratio[a]![h]!) : null)),
    rotationNullRatioByMap: perLayerAndActivation(t, (lt, a) => (lt.rotationNull ? byMap(lt.rotationNull.ratio, a) : null)),
    rotationNullResidual: perLayerAndActivation(t, (lt, a) => (lt.rotationNull ? byMap(lt.rotationNull.mean, a) : null)),
    gProcrustes: perLayerAndActivation(t, (lt, a) => round(lt.gProcrustes[a]!)),
    orthogonalProcrustes: perLayerAndActivation(t, (lt, a) => round(lt.orthogonalProcrustes[a]!)),
    stitchingPenalty: perLayerAndActivation(t, (lt, a) => stitchingPenalties(t, lt, a)),
    stitchStep: t.stitchStep,
    stitchMs: round(t.stitchMs),
  };
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
    ...symmetryMetrics(t),
  };
}
