import type { ParamSpec } from '../../engine/lab';
import { thomsonDirections, type Directions } from '../../analysis/thomson';
import { createRng } from '../../engine/rng';
import type { ActivationSpec, ScalarFunction } from '../../analysis/activation-values';

/**
 * Activation choices. Elementwise σ through B = I; `-thomson-k1|2k|4k` through K = k+1, 2k, 4k
 * Thomson directions; `iso-*` isotropic. `none` leaves a slot of the side-by-side ablation empty.
 */
export const ACTIVATION_OPTIONS = [
  'tanh',
  'leaky-relu',
  'gelu',
  'sigmoid',
  'tanh-thomson-k1',
  'tanh-thomson-2k',
  'tanh-thomson-4k',
  'leaky-relu-thomson-k1',
  'leaky-relu-thomson-2k',
  'leaky-relu-thomson-4k',
  'iso-tanh',
  'iso-leaky-relu',
] as const;
export type ActivationName = (typeof ACTIVATION_OPTIONS)[number];
export const SLOT_KEYS = ['act1', 'act2', 'act3', 'act4'] as const;
export const DATA_OPTIONS = ['mnist', 'gaussian', 'ball'] as const;
export const OPTIMIZER_OPTIONS = ['adam', 'momentum'] as const;

const actHelp =
  'tanh, leaky-relu, gelu, sigmoid: elementwise (B = I). *-thomson-k1/2k/4k: elementwise through K = k+1, 2k, 4k Thomson directions. iso-*: isotropic σ(‖x‖)x/‖x‖.';

export const spotlightParams: readonly ParamSpec[] = [
  { key: 'data', label: 'data', kind: 'enum', options: DATA_OPTIONS, default: 'mnist', help: 'MNIST digits, or a synthetic isotropic Gaussian / uniform ball in `dim` dimensions.' },
  { key: 'dim', label: 'synthetic dim', kind: 'int', min: 4, max: 784, default: 64, log: true, help: 'Input dimension of the synthetic data (MNIST is 784).' },
  { key: 'k', label: 'bottleneck k', kind: 'int', min: 2, max: 32, default: 16, help: 'Latent width where SRM is measured.' },
  { key: 'hidden', label: 'hidden width', kind: 'int', min: 8, max: 512, default: 128, log: true },
  { key: 'act1', label: 'activation 1', kind: 'enum', options: ACTIVATION_OPTIONS, default: 'tanh', help: actHelp },
  { key: 'act2', label: 'activation 2', kind: 'enum', options: ['none', ...ACTIVATION_OPTIONS], default: 'iso-tanh', help: actHelp },
  { key: 'act3', label: 'activation 3', kind: 'enum', options: ['none', ...ACTIVATION_OPTIONS], default: 'none', help: actHelp },
  { key: 'act4', label: 'activation 4', kind: 'enum', options: ['none', ...ACTIVATION_OPTIONS], default: 'none', help: actHelp },
  { key: 'batch', label: 'batch', kind: 'int', min: 8, max: 1024, default: 64, log: true },
  { key: 'lr', label: 'learning rate', kind: 'float', min: 1e-5, max: 10, default: 1e-2, log: true, help: 'Adam. 1e-2 drives tanh into saturation within ~600 steps; at 1e-3 it stays near-linear for 1,500 steps.' },
  {
    key: 'optimizer',
    label: 'optimizer',
    kind: 'enum',
    options: OPTIMIZER_OPTIONS,
    default: 'adam',
    help: 'adam: per-coordinate step sizes, which privilege the standard basis even for an isotropic activation. momentum: SGD with momentum 0.9, rotation-equivariant, so only the activation privileges a basis.',
  },
  { key: 'seed', label: 'seed', kind: 'int', min: 0, max: 999999, default: 1 },
];

/** The activations chosen in the four slots, in order, without `none`. */
export function chosenActivations(params: Record<string, unknown>): ActivationName[] {
  const out: ActivationName[] = [];
  for (const key of SLOT_KEYS) {
    const v = params[key];
    if (typeof v === 'string' && (ACTIVATION_OPTIONS as readonly string[]).includes(v)) out.push(v as ActivationName);
  }
  return out;
}

/** K for a Thomson activation name, or null. */
export function thomsonCount(name: ActivationName, k: number): number | null {
  if (name.endsWith('-thomson-k1')) return k + 1;
  if (name.endsWith('-thomson-2k')) return 2 * k;
  if (name.endsWith('-thomson-4k')) return 4 * k;
  return null;
}

const thomsonCache = new Map<string, Directions>();

/** Seeded Thomson directions (cached: they depend on K, k and the seed only). */
export function cachedThomson(K: number, k: number, seed: number): Directions {
  const key = `${K}|${k}|${seed}`;
  let dirs = thomsonCache.get(key);
  if (!dirs) {
    dirs = thomsonDirections(K, k, createRng(seed * 7 + K), K > 64 ? 600 : 1500);
    thomsonCache.set(key, dirs);
  }
  return dirs;
}

export function activationSpec(name: ActivationName, k: number, seed: number): ActivationSpec {
  if (name === 'iso-tanh') return { kind: 'isotropic', fn: 'tanh' };
  if (name === 'iso-leaky-relu') return { kind: 'isotropic', fn: 'leaky-relu' };
  const K = thomsonCount(name, k);
  const fn = (K ? name.slice(0, name.indexOf('-thomson')) : name) as ScalarFunction;
  return { kind: 'elementwise', fn, basis: K ? cachedThomson(K, k, seed) : null };
}

/**
 * Default cone threshold ε for SRM and PPPM, following the authors: 0.9 (half-angle 26°, the SRM
 * default) for k ≤ 4, and 0.85 (half-angle 32°) for wider codes, as in the author's k = 16 figures.
 * At k = 16 few codes lie that close to any plane; the ε-free anisotropy does not depend on it.
 */
export function defaultEpsilon(k: number): number {
  return k <= 4 ? 0.9 : 0.85;
}

/** Planes sampled for SRM (all K(K−1) ordered pairs up to this cap). */
export const MAX_PLANES = 48;
