import type { Metrics, NamedTensor, Params, Snapshot } from '../../engine/lab';
import { num } from '../../engine/params';
import { readoutValues, type PcaReadouts } from './readouts';

/** The read-outs of a snapshot: its analysis when it is of this step, else computed from its weights and the run's basis. */
export function snapshotReadouts(snapshot: Snapshot, staticData: Readonly<Record<string, NamedTensor>>): PcaReadouts | null {
  const a = snapshot.analysis;
  if (a?.alignment && a.captured && a.expectedLoss && a.optimumLoss && snapshot.analysisStep === snapshot.step) {
    return {
      alignment: a.alignment.data[0]!,
      captured: Array.from(a.captured.data),
      expectedLoss: a.expectedLoss.data[0]!,
      optimumLoss: a.optimumLoss.data[0]!,
    };
  }
  const { W1, W2 } = snapshot.weights;
  const { basis, lambda } = staticData;
  if (!W1 || !W2 || !basis || !lambda || W2.shape[0] !== lambda.data.length) return null;
  return readoutValues(W1, W2, basis, lambda);
}

export function pcaMetrics(snapshot: Snapshot, params: Params, staticData: Readonly<Record<string, NamedTensor>>): Metrics {
  const r = snapshotReadouts(snapshot, staticData);
  const d = num(params, 'd');
  const k = num(params, 'k');
  const out: Metrics = { nullAlignment: Math.min(k, d) / d };
  if (!r) return out;
  Object.assign(out, { alignment: r.alignment, captured: r.captured, expectedLoss: r.expectedLoss, optimumLoss: r.optimumLoss });
  // Relative excess over the optimum (none when k ≥ d: the optimum is 0).
  if (r.optimumLoss > 0) out.excessLoss = r.expectedLoss / r.optimumLoss - 1;
  return out;
}
