/** The activations the intertwiner lab compares, as specs of the shared spotlight activations. */
import type { ActivationSpec } from '../../analysis/activation-values';

export const ACTIVATION_IDS = ['relu', 'leaky-relu', 'tanh', 'gelu', 'iso-tanh'] as const;
export type ActivationId = (typeof ACTIVATION_IDS)[number];

export const ACTIVATION_SPECS: Record<ActivationId, ActivationSpec> = {
  relu: { kind: 'elementwise', fn: 'relu', basis: null },
  'leaky-relu': { kind: 'elementwise', fn: 'leaky-relu', basis: null },
  tanh: { kind: 'elementwise', fn: 'tanh', basis: null },
  gelu: { kind: 'elementwise', fn: 'gelu', basis: null },
  'iso-tanh': { kind: 'isotropic', fn: 'tanh' },
};

export const ACTIVATION_LABELS: Record<ActivationId, string> = {
  relu: 'ReLU',
  'leaky-relu': 'leaky-ReLU',
  tanh: 'tanh',
  gelu: 'GELU',
  'iso-tanh': 'isotropic tanh',
};

/** The `activations` param's options and the activations each one trains. */
export const ACTIVATION_SETS: Record<string, readonly ActivationId[]> = {
  'relu-iso-tanh': ['relu', 'iso-tanh'],
  all: ACTIVATION_IDS,
  relu: ['relu'],
  'leaky-relu': ['leaky-relu'],
  tanh: ['tanh'],
  gelu: ['gelu'],
  'iso-tanh': ['iso-tanh'],
};

export function activationSet(name: string): readonly ActivationId[] {
  const set = ACTIVATION_SETS[name];
  if (!set) throw new Error(`unknown activation set ${JSON.stringify(name)}`);
  return set;
}

/**
 * Each activation's intertwiner group, as the alignment map family that realises it (what the
 * group-restricted stitching layer is restricted to). A test checks it against the numerical
 * group check in analysis/intertwiner-groups, so nothing here is merely typed in.
 */
export const GROUP_MAP: Record<ActivationId, 'scaled-permutation' | 'signed-permutation' | 'permutation' | 'orthogonal'> = {
  relu: 'scaled-permutation',
  'leaky-relu': 'scaled-permutation',
  tanh: 'signed-permutation',
  gelu: 'permutation',
  'iso-tanh': 'orthogonal',
};
