/**
 * The PyTorch reference's configs (bench/pytorch_reference.py): every lab's bench preset, resolved
 * with the lab's own params and helpers, turned into the model description the Python side builds
 * (layer sizes, models per step, batch, optimiser, lr, loss). Built here from the same params the
 * Node and Chromium rows train on, so the two sides cannot drift; the Python script reads them on stdin.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabDefinition, Params } from '../src/engine/lab';
import { num, str } from '../src/engine/params';
import { resolveParams } from '../src/state/param-codec';
import { importances as superpositionImportances } from '../src/labs/superposition';
import { importances as capacityImportances, inputSetting, modelKind } from '../src/labs/capacity/config';
import { vocabOf } from '../src/labs/bows';
import { chosenActivations, thomsonCount, type ActivationName } from '../src/labs/spotlight/params';
import { activationSet, ACTIVATION_SPECS } from '../src/labs/intertwiner/activations';
import { layerDims, type Task } from '../src/labs/intertwiner/layers';
import { dataSpecOf } from '../src/labs/bias/metrics';

export type TorchOptimizer = 'adam' | 'adamw' | 'momentum';
export interface TorchActivation {
  kind: 'elementwise' | 'isotropic';
  fn: string;
  /** Thomson directions K (σ applied through a K×k basis at the bottleneck), when any. */
  basis?: number;
}
interface Common {
  lab: string;
  preset: string;
  seed: number;
  batch: number;
  lr: number;
  optimizer: TorchOptimizer;
  /** Independent models trained in one step. */
  models: number;
}
export type TorchConfig = Common &
  (
    | { kind: 'toy'; n: number; m: number; sparsity: number; importance: number[] }
    | { kind: 'quadratic'; n: number; m: number; importance: number[] }
    | { kind: 'bows'; V: number; m: number; weightDecay: number; horizon: number; lrEnd: number; activeWords: number }
    | { kind: 'spotlight'; inputDim: number; hidden: number; k: number; activations: TorchActivation[] }
    | { kind: 'intertwiner'; task: Task; dims: number[]; weightDecay: number; activations: TorchActivation[] }
    | { kind: 'mlp'; sizes: number[]; activation: string; loss: 'bce' | 'mse'; initScale: number }
    | { kind: 'linearAe'; d: number; k: number }
  );

/**
 * Mean words per bag in the PyTorch batches. PyTorch trains on the dense B×V bag (a dense product
 * costs the same whatever the density), so this only shapes the random data.
 */
export const BOWS_ACTIVE_WORDS = 30;

export function benchParams(lab: LabDefinition): { preset: string; params: Params } {
  const preset = lab.presets.find((p) => p.name === lab.benchPreset);
  if (!preset) throw new Error(`${lab.id}: bench preset ${lab.benchPreset} not found`);
  return { preset: preset.name, params: resolveParams(lab.params, {}, preset.params).params };
}

function spotlightActivation(name: ActivationName, k: number): TorchActivation {
  if (name.startsWith('iso-')) return { kind: 'isotropic', fn: name.slice(4) };
  const K = thomsonCount(name, k);
  return K ? { kind: 'elementwise', fn: name.slice(0, name.indexOf('-thomson')), basis: K } : { kind: 'elementwise', fn: name };
}

/** The PyTorch config for one lab and params (its bench preset by default). */
export function torchConfig(lab: LabDefinition, given?: { preset: string; params: Params }): TorchConfig {
  const { preset, params } = given ?? benchParams(lab);
  const common = { lab: lab.id, preset, seed: num(params, 'seed'), batch: num(params, 'batch'), lr: num(params, 'lr') };
  switch (lab.id) {
    case 'superposition': {
      const n = num(params, 'n');
      return {
        ...common,
        kind: 'toy',
        optimizer: 'adam',
        models: 1,
        n,
        m: num(params, 'm'),
        sparsity: num(params, 'sparsity'),
        importance: superpositionImportances(n, num(params, 'importance')),
      };
    }
    case 'capacity': {
      const n = num(params, 'n');
      const m = num(params, 'm');
      const importance = capacityImportances(n, num(params, 'importance'));
      if (modelKind(params) === 'relu')
        return { ...common, kind: 'toy', optimizer: 'adam', models: 1, n, m, sparsity: inputSetting(params).shape, importance };
      return { ...common, kind: 'quadratic', optimizer: 'adam', models: 1, n, m, importance };
    }
    case 'bows':
      return {
        ...common,
        kind: 'bows',
        optimizer: 'adamw',
        models: 1,
        V: vocabOf(params),
        m: num(params, 'm'),
        weightDecay: num(params, 'wd'),
        horizon: num(params, 'horizon'),
        lrEnd: num(params, 'lrEnd'),
        activeWords: BOWS_ACTIVE_WORDS,
      };
    case 'spotlight': {
      const k = num(params, 'k');
      const activations = chosenActivations(params).map((a) => spotlightActivation(a, k));
      return {
        ...common,
        kind: 'spotlight',
        optimizer: str(params, 'optimizer') === 'momentum' ? 'momentum' : 'adam',
        models: activations.length,
        inputDim: str(params, 'data') === 'mnist' ? 784 : num(params, 'dim'),
        hidden: num(params, 'hidden'),
        k,
        activations,
      };
    }
    case 'intertwiner': {
      const task = str(params, 'task') as Task;
      // Two networks (seeds A and B) per activation, trained side by side.
      const activations = activationSet(str(params, 'activations')).flatMap((a) => {
        const spec = ACTIVATION_SPECS[a];
        const t: TorchActivation = { kind: spec.kind, fn: spec.fn };
        return [t, t];
      });
      return {
        ...common,
        kind: 'intertwiner',
        optimizer: 'adam',
        models: activations.length,
        task,
        dims: layerDims({ task, hidden: num(params, 'hidden'), bottleneck: num(params, 'bottleneck') }),
        weightDecay: num(params, 'weightDecay'),
        activations,
      };
    }
    case 'bias': {
      const data = dataSpecOf(params);
      const width = num(params, 'width');
      return {
        ...common,
        kind: 'mlp',
        optimizer: 'adam',
        models: 1,
        sizes: [data.inputs, width, width, num(params, 'rep'), data.features.length],
        activation: str(params, 'activation'),
        loss: str(params, 'loss') === 'mse' ? 'mse' : 'bce',
        initScale: num(params, 'init'),
      };
    }
    case 'pca':
      return { ...common, kind: 'linearAe', optimizer: 'adam', models: 1, d: num(params, 'd'), k: num(params, 'k') };
    default:
      throw new Error(`no PyTorch reference for lab ${lab.id}`);
  }
}

export const PYTORCH_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'pytorch_reference.py');

/**
 * A Python that imports torch: $PYTORCH_PYTHON if set, else Debian's /usr/bin/python3, then
 * `python3` on PATH (often a pyenv one without torch); null if none. PYTORCH_PYTHON=none skips.
 */
export function findTorchPython(): string | null {
  const env = process.env.PYTORCH_PYTHON;
  if (env === 'none') return null;
  for (const py of env ? [env] : ['/usr/bin/python3', 'python3']) {
    if (!py) continue;
    const r = spawnSync(py, ['-c', 'import torch'], { stdio: 'ignore', timeout: 60_000 });
    if (r.status === 0) return py;
  }
  return null;
}

export interface TorchLabResult {
  lab: string;
  preset?: string;
  model?: string;
  msPerStep: number | null;
  trialsMs?: number[];
  stepsPerTrial?: number;
  error?: string;
}
export interface TorchResult {
  torch: string;
  python: string;
  /** torch's BLAS_INFO, as built (Debian's: "generic", the libblas.so.3 interface). */
  blas: string;
  /**
   * The BLAS library loaded at run time (Debian's torch takes whichever libblas.so.3 the system's
   * alternatives point at: the reference BLAS, or OpenBLAS once libopenblas0 is installed).
   */
  blasLibrary?: string;
  threads: number;
  labs: TorchLabResult[];
}

/** Runs the reference once for all configs; stderr (progress) passes through. */
export function runTorchReference(
  python: string,
  configs: TorchConfig[],
  opts: { threads?: number; trials?: number; trialSeconds?: number; timeoutMs?: number } = {},
): TorchResult {
  // Trials of about a second, as the Node rows.
  const input = JSON.stringify({
    threads: opts.threads ?? 1,
    trials: opts.trials ?? 5,
    trialSeconds: opts.trialSeconds ?? 1,
    labs: configs,
  });
  // A threaded BLAS (OpenBLAS) sizes its own pool from these, not from torch.set_num_threads.
  const threads = String(opts.threads ?? 1);
  const r = spawnSync(python, [PYTORCH_SCRIPT], {
    input,
    env: { ...process.env, OPENBLAS_NUM_THREADS: threads, OMP_NUM_THREADS: threads, MKL_NUM_THREADS: threads },
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'inherit'],
    timeout: opts.timeoutMs ?? 600_000,
    maxBuffer: 16 << 20,
  });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${PYTORCH_SCRIPT} exited with ${r.status}`);
  return JSON.parse(r.stdout) as TorchResult;
}
