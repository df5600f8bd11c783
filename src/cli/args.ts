/** Parses `<lab> [--key value …]` strictly: anything unknown or malformed is a usage error. */
import type { LabDefinition, Params } from '../engine/lab';
import { decodeParam } from '../state/param-codec';
import { defaultParams } from '../engine/params';
import { NODE_BACKENDS, type NodeBackend } from './node-backend';

export class UsageError extends Error {}

export interface RunnerOptions {
  lab: LabDefinition;
  params: Params;
  preset?: string;
  steps: number;
  out?: string;
  backend: NodeBackend;
  /** Lab-specific flags that are not training parameters (e.g. --activations file.npy). */
  extra: Record<string, string>;
}

const RUNNER_FLAGS = new Set(['preset', 'steps', 'out', 'backend']);

export function parseArgs(
  argv: string[],
  labs: readonly LabDefinition[],
  extraFlags: (lab: LabDefinition) => readonly string[] = () => [],
): RunnerOptions {
  const [labId, ...rest] = argv;
  if (!labId || labId.startsWith('--')) throw new UsageError('missing lab name');
  const lab = labs.find((l) => l.id === labId);
  if (!lab) throw new UsageError(`unknown lab ${JSON.stringify(labId)}; labs: ${labs.map((l) => l.id).join(', ')}`);
  const flags: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i]!;
    const value = rest[i + 1];
    if (!key.startsWith('--')) throw new UsageError(`expected --flag, got ${JSON.stringify(key)}`);
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${key} needs a value`);
    flags[key.slice(2)] = value;
  }
  const specs = new Map(lab.params.map((p) => [p.key, p]));
  const allowedExtra = new Set(extraFlags(lab));
  let params: Params = defaultParams(lab.params);
  let steps = lab.defaultSteps;
  if (flags.preset !== undefined) {
    const preset = lab.presets.find((p) => p.name === flags.preset);
    if (!preset) throw new UsageError(`unknown preset ${JSON.stringify(flags.preset)}; presets: ${lab.presets.map((p) => p.name).join(', ')}`);
    params = { ...params, ...preset.params };
    steps = preset.steps ?? steps;
  }
  const extra: Record<string, string> = {};
  for (const [key, value] of Object.entries(flags)) {
    if (RUNNER_FLAGS.has(key)) continue;
    const spec = specs.get(key);
    if (spec) {
      const decoded = decodeParam(spec, value);
      if (decoded.warning) throw new UsageError(decoded.warning);
      params[key] = decoded.value;
    } else if (allowedExtra.has(key)) {
      extra[key] = value;
    } else {
      throw new UsageError(`unknown flag --${key}; ${lab.id} takes ${[...specs.keys(), ...allowedExtra].map((k) => `--${k}`).join(' ')}`);
    }
  }
  if (flags.steps !== undefined) {
    steps = Number(flags.steps);
    if (!Number.isInteger(steps) || steps < 1 || steps > 1e7) throw new UsageError(`--steps must be an integer in [1, 1e7]`);
  }
  const backend = (flags.backend ?? 'wasm') as NodeBackend;
  if (!NODE_BACKENDS.includes(backend)) throw new UsageError(`--backend must be one of ${NODE_BACKENDS.join(', ')}`);
  return { lab, params, preset: flags.preset, steps, out: flags.out, backend, extra };
}
