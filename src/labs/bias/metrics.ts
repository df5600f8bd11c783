import type { Metrics, Params, Snapshot } from '../../engine/lab';
import { num, str } from '../../engine/params';
import { featureSet, FEATURE_KINDS, type DataSpec, type FeatureKind } from './features';
import { LAYER_NAMES } from './constants';

/** The feature set a parameter set describes (the same call createRun makes). */
export function dataSpecOf(params: Params): DataSpec {
  const prevalenceOf = str(params, 'prevalenceOf');
  return featureSet({
    inputs: num(params, 'inputs'),
    k: num(params, 'k'),
    mod: num(params, 'mod'),
    prevalence: num(params, 'prevalence'),
    prevalenceOf: (FEATURE_KINDS as readonly string[]).includes(prevalenceOf) ? (prevalenceOf as FeatureKind) : 'linear',
  });
}

/** Settings that name a feature the model does not have (e.g. first=mod with m < 2), ignored. */
export function ignoredSettings(params: Params): string[] {
  const kinds = dataSpecOf(params).features.map((f) => f.kind as string);
  const out: string[] = [];
  const first = str(params, 'first');
  if (first !== 'none' && !kinds.includes(first)) out.push(`first=${first} ignored: there is no ${first} feature (set m ≥ 2)`);
  const prev = str(params, 'prevalenceOf');
  if (num(params, 'prevalence') !== 0.5 && !kinds.includes(prev)) out.push(`prevalenceOf=${prev} ignored: there is no ${prev} feature (set m ≥ 2)`);
  return out;
}

export interface BiasReadout {
  features: FeatureKind[];
  /** Latest probe: L × F variance explained, F accuracies. */
  r2: number[][];
  acc: number[];
  probeStep: number;
  history: { step: number[]; r2: number[][][]; acc: number[][] };
}

export function readout(snapshot: Snapshot, params: Params): BiasReadout | null {
  const r2 = snapshot.tensors.r2;
  const acc = snapshot.tensors.acc;
  if (!r2 || !acc) return null;
  const [L, F] = r2.shape as [number, number];
  const features = dataSpecOf(params).features.map((f) => f.kind);
  if (features.length !== F) return null;
  const rows = (t: Float32Array, n: number, m: number, off = 0) =>
    Array.from({ length: n }, (_, i) => Array.from(t.subarray(off + i * m, off + (i + 1) * m)));
  const hs = snapshot.tensors.histStep;
  const hr = snapshot.tensors.histR2;
  const ha = snapshot.tensors.histAcc;
  const T = hs?.data.length ?? 0;
  return {
    features,
    r2: rows(r2.data, L, F),
    acc: Array.from(acc.data),
    probeStep: snapshot.tensors.probeStep?.data[0] ?? snapshot.step,
    history: {
      step: hs ? Array.from(hs.data) : [],
      r2: hr ? Array.from({ length: T }, (_, t) => rows(hr.data, L, F, t * L * F)) : [],
      acc: ha ? rows(ha.data, T, F) : [],
    },
  };
}

const keyed = (features: readonly string[], values: readonly number[]) =>
  Object.fromEntries(features.map((f, i) => [f, values[i] ?? NaN]));

/**
 * Runner metrics: `varianceExplained` (penultimate layer) and `accuracy`, keyed by feature;
 * `varianceExplainedByLayer`; `varianceRatio` (linear over parity); `probeStep`.
 */
export function biasMetrics(snapshot: Snapshot, params: Params): Metrics {
  const r = readout(snapshot, params);
  if (!r) return {};
  const penultimate = r.r2[r.r2.length - 1]!;
  const li = r.features.indexOf('linear');
  const pi = r.features.indexOf('parity');
  return {
    varianceExplained: keyed(r.features, penultimate),
    accuracy: keyed(r.features, r.acc),
    varianceExplainedByLayer: Object.fromEntries(LAYER_NAMES.map((name, l) => [name, keyed(r.features, r.r2[l]!)])),
    varianceRatio: penultimate[li]! / penultimate[pi]!,
    probeStep: r.probeStep,
  };
}
