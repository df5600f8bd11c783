import type { Params, Snapshot } from '../../../engine/lab';
import { indexColor } from '../../../ui/charts/indexColor';
import { readout, type BiasReadout } from '../metrics';
import { LAYER_NAMES } from '../constants';
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
