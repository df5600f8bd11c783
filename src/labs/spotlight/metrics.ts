import type { Metrics, MetricValue, Params, Snapshot } from '../../engine/lab';
import { chosenActivations } from './params';

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

/**
 * Runner/page metrics, per activation: `srm` (mean unsigned SRM curve at 360 angles, at the
 * default ε), `quantisationIndex`, `reconstructionError` (MSE per pixel on the 512 probe digits),
 * plus the two peak-to-mean ratios behind the index. All computed in the run's snapshot().
 */
export function spotlightMetrics(snapshot: Snapshot, params: Params, epsilon: number): Metrics {
  const names = slotNames(params);
  const srmT = snapshot.tensors.srm;
  const q = snapshot.tensors.quantisation;
  const rec = snapshot.tensors.reconstruction;
  const loss = snapshot.tensors.modelLoss;
  if (!srmT || !q || !rec) return {};
  const M = srmT.shape[1]!;
  const srm: Record<string, MetricValue> = {};
  const index: Record<string, MetricValue> = {};
  const ratio: Record<string, MetricValue> = {};
  const nullRatio: Record<string, MetricValue> = {};
  const recon: Record<string, MetricValue> = {};
  const trainLoss: Record<string, MetricValue> = {};
  names.forEach((name, g) => {
    srm[name] = Array.from(srmT.data.subarray(g * M, (g + 1) * M), (v) => round(v, 6));
    index[name] = round(q.data[g * 3]!, 4);
    ratio[name] = round(q.data[g * 3 + 1]!, 4);
    nullRatio[name] = round(q.data[g * 3 + 2]!, 4);
    recon[name] = round(rec.data[g]!, 6);
    if (loss) trainLoss[name] = round(loss.data[g]!, 6);
  });
  return {
    activations: names.join(','),
    epsilon,
    quantisationIndex: index,
    reconstructionError: recon,
    peakToMean: ratio,
    peakToMeanRotated: nullRatio,
    trainLoss,
    srm,
  };
}
