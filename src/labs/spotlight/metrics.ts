import type { Metrics, MetricValue, Params, Snapshot } from '../../engine/lab';
import { chosenActivations } from './params';
import { ANISOTROPY_KEYS } from '../../analysis/anisotropy';

/** Display names for the trained slots: the activation name, made unique with #2, #3 … */
export function slotNames(params: Params): string[] {
  const seen = new Map<string, number>();
  return chosenActivations(params).map((name) => {
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}#${n}`;
  });
}

const round = (v: number, d = 5) => (Number.isFinite(v) ? +v.toFixed(d) : NaN);

export type AnisotropyMetric = Record<(typeof ANISOTROPY_KEYS)[number], number>;

/** Per-model anisotropy from a snapshot's `anisotropy` tensor (the page reads it through here too). */
export function snapshotAnisotropy(snapshot: Snapshot | null, g: number): AnisotropyMetric | null {
  const t = snapshot?.analysis?.anisotropy;
  if (!t || t.shape[0]! <= g) return null;
  const w = t.shape[1]!;
  const out = {} as AnisotropyMetric;
  ANISOTROPY_KEYS.forEach((key, i) => (out[key] = round(t.data[g * w + i]!, key === 'z' ? 3 : 5)));
  return out;
}

/**
 * Runner/page metrics, per activation, all computed once in the run's analysis on the probe digits:
 * `anisotropy` ({ value, nullMean, nullLow, nullHigh, z }: the ε-free Σ_i(b_i·â)⁴ against 40 seeded
 * random rotations, analysis/anisotropy.ts), `reconstructionError` (MSE per pixel), `trainLoss`,
 * and `srm` / `srmSd` (mean and s.d. over planes of the unsigned SRM at 360 angles, default ε).
 */
export function spotlightMetrics(snapshot: Snapshot, params: Params, epsilon: number): Metrics {
  const names = slotNames(params);
  const srmT = snapshot.analysis?.srm;
  const sdT = snapshot.analysis?.srmSd;
  const rec = snapshot.analysis?.reconstruction;
  const loss = snapshot.analysis?.modelLoss;
  if (!srmT || !rec || !snapshot.analysis?.anisotropy) return {};
  const M = srmT.shape[1]!;
  const srm: Record<string, MetricValue> = {};
  const srmSd: Record<string, MetricValue> = {};
  const aniso: Record<string, MetricValue> = {};
  const recon: Record<string, MetricValue> = {};
  const trainLoss: Record<string, MetricValue> = {};
  names.forEach((name, g) => {
    srm[name] = Array.from(srmT.data.subarray(g * M, (g + 1) * M), (v) => round(v, 6));
    if (sdT) srmSd[name] = Array.from(sdT.data.subarray(g * M, (g + 1) * M), (v) => round(v, 6));
    const a = snapshotAnisotropy(snapshot, g);
    if (a) aniso[name] = a;
    recon[name] = round(rec.data[g]!, 6);
    if (loss) trainLoss[name] = round(loss.data[g]!, 6);
  });
  return {
    activations: names.join(','),
    epsilon,
    anisotropy: aniso,
    reconstructionError: recon,
    trainLoss,
    srm,
    srmSd,
  };
}
