/**
 * Parses `<lab> [--key value …]` strictly, before anything trains: anything unknown, repeated or
 * malformed is a usage error, and so is an `--out` file that could not be written.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LabDefinition, Params } from '../engine/lab';
import { decodeParam } from '../state/param-codec';
import { defaultParams } from '../engine/params';

export const NODE_BACKENDS = ['wasm', 'cpu'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];
/** train: one model (the default); sweep: the lab's sweep, a row or grid of models trained together. */
export const RUNNER_MODES = ['train', 'sweep'] as const;
export type RunnerMode = (typeof RUNNER_MODES)[number];

export class UsageError extends Error {}

export interface RunnerOptions {
  lab: LabDefinition;
  params: Params;
  preset?: string;
  mode: RunnerMode;
  /** Training steps: of the model, or in sweep mode of every model of the sweep. */
  steps: number;
  out?: string;
  backend: NodeBackend;
  /** Lab-specific flags that are not training parameters (e.g. --activations file.npy). */
  extra: Record<string, string>;
}

const RUNNER_FLAGS = new Set(['preset', 'steps', 'out', 'backend', 'mode']);
const FLAG_NAME = /^--([\w-]{1,40})$/;
const show = (raw: string) => JSON.stringify(raw.length > 40 ? `${raw.slice(0, 40)}…` : raw);

/** The directory must exist and be writable, and the path must not be a directory itself. */
export function checkOutPath(path: string): void {
  if (path.trim() === '') throw new UsageError('--out needs a file name');
  const full = resolve(path);
  let isDirectory = false;
  try {
    isDirectory = statSync(full).isDirectory();
  } catch {
    // Does not exist yet: fine, it will be created.
  }
  if (isDirectory) throw new UsageError(`--out ${show(path)} is a directory; give a file name such as result.json`);
  const dir = dirname(full);
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    accessSync(dir, constants.W_OK);
  } catch {
    throw new UsageError(`--out ${show(path)}: the directory ${show(dir)} does not exist or is not writable`);
  }
}

export function parseArgs(
  argv: readonly string[],
  labs: readonly LabDefinition[],
  extraFlags: (lab: LabDefinition) => readonly string[] = () => [],
): RunnerOptions {
  const [labId, ...rest] = argv;
  if (!labId || labId.startsWith('--')) throw new UsageError('missing lab name');
  const lab = labs.find((l) => l.id === labId);
  if (!lab) throw new UsageError(`unknown lab ${show(labId)}; labs: ${labs.map((l) => l.id).join(', ')}`);
  // A Map, so that `--__proto__` or `--constructor` are names like any other.
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i]!;
    const value = rest[i + 1];
    const name = FLAG_NAME.exec(key)?.[1];
    if (!name) throw new UsageError(`expected --flag, got ${show(key)}`);
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${key} needs a value`);
    if (flags.has(name)) throw new UsageError(`--${name} is given twice`);
    flags.set(name, value);
  }
  const specs = new Map(lab.params.map((p) => [p.key, p]));
  const allowedExtra = new Set(extraFlags(lab));
  let params: Params = defaultParams(lab.params);
  let steps = lab.defaultSteps;
  const presetName = flags.get('preset');
  if (presetName !== undefined) {
    const preset = lab.presets.find((p) => p.name === presetName);
    if (!preset)
      throw new UsageError(`unknown preset ${show(presetName)}; presets of ${lab.id}: ${lab.presets.map((p) => p.name).join(', ')}`);
    params = { ...params, ...preset.params };
    steps = preset.steps ?? steps;
  }
  const extra: Record<string, string> = {};
  for (const [key, value] of flags) {
    if (RUNNER_FLAGS.has(key)) continue;
    const spec = specs.get(key);
    if (spec) {
      const decoded = decodeParam(spec, value);
      if (decoded.problem) throw new UsageError(`--${key} ${show(value)} ${decoded.problem.reason}`);
      params[key] = decoded.value;
    } else if (allowedExtra.has(key)) {
      extra[key] = value;
    } else {
      throw new UsageError(`unknown flag --${key}; ${lab.id} takes ${[...specs.keys(), ...allowedExtra].map((k) => `--${k}`).join(' ')}`);
    }
  }
  const mode = flags.get('mode') ?? 'train';
  if (!(RUNNER_MODES as readonly string[]).includes(mode))
    throw new UsageError(`--mode ${show(mode)} must be one of ${RUNNER_MODES.join(', ')}`);
  if (mode === 'sweep') {
    if (!lab.sweep) throw new UsageError(`${lab.id} has no sweep`);
    // A preset's steps are its single model's; the sweep has its own default.
    steps = lab.sweep.defaultSteps;
  }
  const stepsText = flags.get('steps');
  if (stepsText !== undefined) {
    steps = /^\d{1,8}$/.test(stepsText) ? Number(stepsText) : NaN;
    if (!(steps >= 1 && steps <= 1e7)) throw new UsageError(`--steps ${show(stepsText)} must be a whole number in [1, 10000000]`);
  }
  const backend = flags.get('backend') ?? 'wasm';
  if (!(NODE_BACKENDS as readonly string[]).includes(backend))
    throw new UsageError(`--backend ${show(backend)} must be one of ${NODE_BACKENDS.join(', ')}`);
  const out = flags.get('out');
  if (out !== undefined) checkOutPath(out);
  // The whole set (defaults, the preset, the flags) against the lab's schema: a preset out of bounds is caught here too.
  const checked = lab.paramSchema.safeParse(params);
  if (!checked.success)
    throw new UsageError(
      `these parameters are not valid: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  params = checked.data;
  try {
    lab.weightShapes(params);
  } catch (err) {
    throw new UsageError(`these parameters do not fit together: ${err instanceof Error ? err.message : String(err)}`);
  }
  return { lab, params, preset: presetName, mode: mode as RunnerMode, steps, out, backend: backend as NodeBackend, extra };
}
