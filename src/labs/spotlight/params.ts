import type { z } from '../../engine/zod';
import { defineParams, enumOf, float, int } from '../../engine/param-schema';
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

/** The spotlight lab's parameters, declared once: the schema, the specs and the defaults derive from this. */
const params = defineParams({
  data: enumOf(DATA_OPTIONS, 'mnist', {
    label: 'data',
    help: 'MNIST digits, or a synthetic isotropic Gaussian / uniform ball in `dim` dimensions.',
  }),
  dim: int(4, 784, 64, { label: 'synthetic dim', log: true, help: 'Input dimension of the synthetic data (MNIST is 784).' }),
  k: int(2, 32, 16, { label: 'bottleneck k', help: 'Latent width where SRM is measured.' }),
  hidden: int(8, 512, 128, { label: 'hidden width', log: true }),
  act1: enumOf(ACTIVATION_OPTIONS, 'tanh', { label: 'activation 1', help: actHelp }),
  act2: enumOf(['none', ...ACTIVATION_OPTIONS], 'iso-tanh', { label: 'activation 2', help: actHelp }),
  act3: enumOf(['none', ...ACTIVATION_OPTIONS], 'none', { label: 'activation 3', help: actHelp }),
  act4: enumOf(['none', ...ACTIVATION_OPTIONS], 'none', { label: 'activation 4', help: actHelp }),
  batch: int(8, 1024, 64, { label: 'batch', log: true }),
  lr: float(1e-5, 10, 1e-2, {
    label: 'learning rate',
    log: true,
    help: 'Adam. 1e-2 drives tanh into saturation within ~600 steps; at 1e-3 it stays near-linear for 1,500 steps.',
  }),
  optimizer: enumOf(OPTIMIZER_OPTIONS, 'adam', {
    label: 'optimizer',
    help: 'adam: per-coordinate step sizes, which privilege the standard basis even for an isotropic activation. momentum: SGD with momentum 0.9, rotation-equivariant, so only the activation privileges a basis.',
  }),
  seed: int(0, 999999, 1, { label: 'seed' }),
});

export const spotlightParamSchema = params.schema;
export const spotlightParams = params.specs;
export type SpotlightParams = z.infer<typeof spotlightParamSchema>;

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
