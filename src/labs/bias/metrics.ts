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
  if (num(params, 'prevalence') !== 0.5 && !kinds.includes(prev))
    out.push(`prevalenceOf=${prev} ignored: there is no ${prev} feature (set m ≥ 2)`);
  return out;
}

export interface BiasReadout {
  features: FeatureKind[];
  /** Latest probe: L × F variance explained, F accuracies. */
  r2: number[][];
  acc: number[];
  probeStep: number;
  /** The shares scored at the latest probe where every feature was ≥ 99% accurate (NaN before). */
  scored: { r2: number[][]; acc: number[]; step: number };
  history: { step: number[]; r2: number[][][]; acc: number[][] };
}

export function readout(snapshot: Snapshot, params: Params): BiasReadout | null {
  const r2 = snapshot.analysis?.r2;
  const acc = snapshot.analysis?.acc;
  if (!r2 || !acc) return null;
  const [L, F] = r2.shape as [number, number];
  const features = dataSpecOf(params).features.map((f) => f.kind);
  if (features.length !== F) return null;
  const rows = (t: Float32Array, n: number, m: number, off = 0) =>
    Array.from({ length: n }, (_, i) => Array.from(t.subarray(off + i * m, off + (i + 1) * m)));
  const hs = snapshot.analysis?.histStep;
  const hr = snapshot.analysis?.histR2;
  const ha = snapshot.analysis?.histAcc;
  const T = hs?.data.length ?? 0;
  const sr2 = snapshot.analysis?.scoredR2;
  const sacc = snapshot.analysis?.scoredAcc;
  return {
    features,
    r2: rows(r2.data, L, F),
    acc: Array.from(acc.data),
    probeStep: snapshot.analysis?.probeStep?.data[0] ?? snapshot.step,
    scored: {
      r2: sr2 ? rows(sr2.data, L, F) : rows(new Float32Array(L * F).fill(NaN), L, F),
      acc: sacc ? Array.from(sacc.data) : features.map(() => NaN),
      step: snapshot.analysis?.scoredStep?.data[0] ?? NaN,
    },
    history: {
      step: hs ? Array.from(hs.data) : [],
      r2: hr ? Array.from({ length: T }, (_, t) => rows(hr.data, L, F, t * L * F)) : [],
      acc: ha ? rows(ha.data, T, F) : [],
    },
  };
}

const keyed = (features: readonly string[], values: readonly number[]) => Object.fromEntries(features.map((f, i) => [f, values[i] ?? NaN]));

/**
 * Runner metrics, all on a balanced probe set (every label 1 half the time):
 * `varianceExplained` (penultimate layer, keyed by feature) and `varianceRatio` (linear over
 * parity) as scored at the latest probe where every feature was ≥ 99% accurate (`scoredStep`;
 * NaN until then), `accuracy` and `varianceExplainedNow` at the latest probe,
 * `varianceExplainedByLayer` (scored), `probeStep`.
 */
export function biasMetrics(snapshot: Snapshot, params: Params): Metrics {
  const r = readout(snapshot, params);
  if (!r) return {};
  const scored = r.scored.r2[r.scored.r2.length - 1]!;
  const now = r.r2[r.r2.length - 1]!;
  const li = r.features.indexOf('linear');
  const pi = r.features.indexOf('parity');
  return {
    varianceExplained: keyed(r.features, scored),
    varianceRatio: scored[li]! / scored[pi]!,
    scoredStep: r.scored.step,
    accuracy: keyed(r.features, r.acc),
    varianceExplainedNow: keyed(r.features, now),
    varianceExplainedByLayer: Object.fromEntries(LAYER_NAMES.map((name, l) => [name, keyed(r.features, r.scored.r2[l]!)])),
    probeStep: r.probeStep,
  };
}
