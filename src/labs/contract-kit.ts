/**
 * What the lab-contract tests (contract.test.ts, contract-memory.test.ts) share: small runs of any lab
 * in the registry, and the one place that knows where a snapshot keeps its weights.
 */
import type { LabDefinition, NamedTensor, Params, Run, Snapshot } from '../engine/lab';
import { defaultParams } from '../engine/params';
import { nodeRunContext } from '../cli/node-context';

/** The trained weights a snapshot carries (the one place that knows where they live in a Snapshot). */
export const weightsOf = (snapshot: Snapshot): Record<string, NamedTensor> => snapshot.weights;
/** A snapshot holding these weights (the inverse of weightsOf). */
export const snapshotWith = (step: number, loss: number, weights: Record<string, NamedTensor>): Snapshot => ({ step, loss, weights });

/**
 * Overrides that only make a lab's bench run smaller (fewer units, smaller batches, synthetic data);
 * a lab without an entry is tested on its bench preset as it is.
 */
const SMALLER: Record<string, Params> = {
  superposition: { batch: 64 },
  capacity: { batch: 64 },
  bows: { m: 16, batch: 32 },
  spotlight: { data: 'gaussian', dim: 8, hidden: 8, k: 2, batch: 16, act1: 'tanh', act2: 'iso-tanh', act3: 'none', act4: 'none' },
  intertwiner: { hidden: 8, batch: 16 },
  bias: { width: 32, rep: 16, batch: 64 },
};

/** The lab's bench preset, made small. */
export function smallParams(lab: LabDefinition): Params {
  const preset = lab.presets.find((p) => p.name === lab.benchPreset);
  return { ...defaultParams(lab.params), ...preset?.params, ...SMALLER[lab.id] };
}

/** A preset's params as a link or the runner resolves them (null: the defaults). */
export function presetParams(lab: LabDefinition, name: string | null): Params {
  return { ...defaultParams(lab.params), ...lab.presets.find((p) => p.name === name)?.params };
}

/** A run seeded as the runner seeds it (from the `seed` param). */
export async function createRun(lab: LabDefinition, params: Params): Promise<Run> {
  return lab.createRun(params, nodeRunContext(Number(params.seed ?? 1)));
}

export const shapesOf = (weights: Record<string, NamedTensor>, names: readonly string[]): Record<string, number[] | undefined> =>
  Object.fromEntries(names.map((k) => [k, weights[k]?.shape]));

/** A tensor's float32 bit patterns (NaN-safe, -0 ≠ 0): for bit-for-bit comparisons. */
export const bits = (t: NamedTensor | undefined): number[] =>
  Array.from(new Uint32Array(t!.data.buffer, t!.data.byteOffset, t!.data.length));
