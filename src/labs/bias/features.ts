/**
 * The bias lab's data (DESIGN §5.6): binary input vectors, and binary output features of different
 * complexity, each computed from its own disjoint block of input bits so the features are
 * independent. The remaining bits are uniform distractors.
 *
 * - `linear`: one input bit.
 * - `parity`: XOR of k bits.
 * - `mod`: [(sum of MOD_BITS bits) mod m = 0].
 *
 * A feature's prevalence p (how often its label is 1) is set by sampling the label first and then
 * its bits uniformly among the patterns with that label — so every feature is balanced (p = ½) by
 * default, whatever its function, and the inputs stay uniform for `linear` and `parity` at p = ½.
 */
import type { Rng } from '../../engine/rng';

export const FEATURE_KINDS = ['linear', 'parity', 'mod'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/** Input bits read by the sum-mod-m feature. */
export const MOD_BITS = 4;

export interface FeatureSpec {
  kind: FeatureKind;
  /** First input bit it reads. */
  offset: number;
  /** Number of input bits it reads. */
  bits: number;
  /** Probability that the label is 1. */
  prevalence: number;
  /** Label of each bit pattern (pattern bit b = input bit offset + b). */
  label(pattern: number): 0 | 1;
  /** Short human name, e.g. "XOR of 3 bits". */
  title: string;
}

export interface DataSpec {
  inputs: number;
  features: FeatureSpec[];
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}

export interface FeatureSetOptions {
  inputs: number;
  k: number;
  /** m of the sum-mod-m feature; below 2 there is no such feature. */
  mod: number;
  /** Prevalence of `prevalenceOf` (the others stay at ½). */
  prevalence: number;
  prevalenceOf: FeatureKind;
}

export function bitsNeeded(k: number, mod: number): number {
  return 1 + k + (mod >= 2 ? MOD_BITS : 0);
}

/** The features in output order (linear, parity, then mod if present). Throws if inputs are too few. */
export function featureSet(opts: FeatureSetOptions): DataSpec {
  const need = bitsNeeded(opts.k, opts.mod);
  if (opts.inputs < need) {
    throw new Error(`the features need ${need} input bits but there are only ${opts.inputs}; raise "inputs" or lower k`);
  }
  const prev = (kind: FeatureKind) => (opts.prevalenceOf === kind ? opts.prevalence : 0.5);
  const features: FeatureSpec[] = [
    { kind: 'linear', offset: 0, bits: 1, prevalence: prev('linear'), label: (p) => (p & 1 ? 1 : 0), title: 'one bit' },
    {
      kind: 'parity',
      offset: 1,
      bits: opts.k,
      prevalence: prev('parity'),
      label: (p) => (popcount(p) & 1 ? 1 : 0),
      title: `XOR of ${opts.k} bits`,
    },
  ];
  if (opts.mod >= 2) {
    const m = opts.mod;
    features.push({
      kind: 'mod',
      offset: 1 + opts.k,
      bits: MOD_BITS,
      prevalence: prev('mod'),
      label: (p) => (popcount(p) % m === 0 ? 1 : 0),
      title: `sum of ${MOD_BITS} bits mod ${m} = 0`,
    });
  }
  return { inputs: opts.inputs, features };
}

interface Sampler {
  feature: FeatureSpec;
  ones: number[];
  zeros: number[];
}

function samplers(spec: DataSpec): Sampler[] {
  return spec.features.map((feature) => {
    const ones: number[] = [];
    const zeros: number[] = [];
    for (let p = 0; p < 1 << feature.bits; p++) (feature.label(p) ? ones : zeros).push(p);
    if (ones.length === 0 || zeros.length === 0) throw new Error(`feature ${feature.kind} has a constant label`);
    return { feature, ones, zeros };
  });
}

export interface Batch {
  /** count × inputs, 0/1. */
  x: Float32Array;
  /** count × features, 0/1. */
  y: Float32Array;
  count: number;
}

/** `count` independent samples. */
export function sampleBatch(spec: DataSpec, count: number, rng: Rng): Batch {
  const { inputs } = spec;
  const F = spec.features.length;
  const x = new Float32Array(count * inputs);
  const y = new Float32Array(count * F);
  const ss = samplers(spec);
  for (let i = 0; i < count; i++) {
    const row = i * inputs;
    for (let j = 0; j < inputs; j++) x[row + j] = rng.next() < 0.5 ? 1 : 0;
    ss.forEach((s, f) => {
      const label = rng.next() < s.feature.prevalence ? 1 : 0;
      const pool = label ? s.ones : s.zeros;
      const pattern = pool[rng.int(pool.length)]!;
      for (let b = 0; b < s.feature.bits; b++) x[row + s.feature.offset + b] = (pattern >> b) & 1;
      y[i * F + f] = label;
    });
  }
  return { x, y, count };
}

/** Labels of given inputs computed from the bits (a check that sampling and labels agree). */
export function labelsOf(spec: DataSpec, x: ArrayLike<number>, count: number): Float32Array {
  const F = spec.features.length;
  const y = new Float32Array(count * F);
  for (let i = 0; i < count; i++) {
    spec.features.forEach((f, k) => {
      let p = 0;
      for (let b = 0; b < f.bits; b++) if (x[i * spec.inputs + f.offset + b]) p |= 1 << b;
      y[i * F + k] = f.label(p);
    });
  }
  return y;
}

/**
 * The same features with every label balanced (prevalence ½): the probe set shares are scored on,
 * so that a rare feature is not made to look weak by a probe where it is rare.
 */
export function balanced(spec: DataSpec): DataSpec {
  return { ...spec, features: spec.features.map((f) => ({ ...f, prevalence: 0.5 })) };
}
