import type { Params, Snapshot } from '../../../engine/lab';
import { indexColor } from '../../../ui/charts/indexColor';
import { readout, type BiasReadout } from '../metrics';
import { LAYER_NAMES, SCORE_ACCURACY } from '../constants';
import type { FeatureKind } from '../features';

export const FEATURE_COLORS: Record<FeatureKind, string> = {
  linear: indexColor(0, 3),
  parity: indexColor(1, 3),
  mod: indexColor(2, 3),
};

export function featureLabel(kind: FeatureKind, params: Params): string {
  if (kind === 'linear') return 'bit';
  if (kind === 'parity') return `XOR${String(params.k ?? '')}`;
  return `sum mod ${String(params.mod ?? '')}`;
}

/** The layer chosen in view state (default: penultimate). */
export function layerIndex(viewState: Record<string, string>): number {
  const i = (LAYER_NAMES as readonly string[]).indexOf(viewState.layer ?? '');
  return i >= 0 ? i : LAYER_NAMES.length - 1;
}

export function safeReadout(snapshot: Snapshot | null, params: Params): BiasReadout | null {
  if (!snapshot) return null;
  try {
    return readout(snapshot, params);
  } catch {
    return null;
  }
}

/** Whether the shares are scored yet: at step N once every feature was ≥ 99% accurate, or not yet. */
export function scoreStatus(r: BiasReadout): string {
  const pct = `${(SCORE_ACCURACY * 100).toFixed(0)}%`;
  if (Number.isFinite(r.scored.step)) return `Scored at step ${r.scored.step} once every feature ≥ ${pct} accurate (balanced probe).`;
  const worst = Math.min(...r.acc);
  return `Not yet scored: accuracy ${(worst * 100).toFixed(1)}% (every feature must reach ${pct}).`;
}
