/** What a parameter set means for the capacity lab: its input generator and importances. */
import type { Params } from '../../engine/lab';
import { num, str } from '../../engine/params';
import { generatorForKurtosis, type GeneratorSetting } from '../../analysis/kurtosis';

export type CapacityModelKind = 'quadratic' | 'relu';

export function modelKind(params: Params): CapacityModelKind {
  return str(params, 'model') === 'relu' ? 'relu' : 'quadratic';
}

/**
 * The generator a run uses for a target kurtosis. The ReLU model (the superposition lab's
 * createToyModel) draws its own inputs, 0 w.p. S else U(0,1), so there S is solved from K.
 */
export function inputSetting(params: Params, kurtosis = num(params, 'kurtosis')): GeneratorSetting {
  if (modelKind(params) === 'relu') return generatorForKurtosis('sparse-uniform', kurtosis);
  return generatorForKurtosis(str(params, 'distribution') === 'sparse' ? 'sparse' : 'power', kurtosis);
}

/** v_i = rⁱ. */
export function importances(n: number, r: number): number[] {
  return Array.from({ length: n }, (_, i) => r ** i);
}

/** A one-line description of the inputs, e.g. "power p = 1.42 → K = 8.00". */
export function describeInputs(setting: GeneratorSetting, requested: number): string {
  const k = setting.kurtosis.toFixed(2);
  const clamped = Math.abs(setting.kurtosis - requested) > 1e-3 * requested ? ` (K=${requested} is outside this family)` : '';
  if (setting.distribution === 'power') return `x = sign(g)|g|^p, p = ${setting.shape.toFixed(3)} → kurtosis ${k}${clamped}`;
  if (setting.distribution === 'sparse') return `x = 0 w.p. S = ${setting.shape.toFixed(3)}, else Gaussian → kurtosis ${k}${clamped}`;
  return `ReLU model inputs: x = 0 w.p. S = ${setting.shape.toFixed(3)}, else U(0,1) → kurtosis ${k}${clamped}`;
}
