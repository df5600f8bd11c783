/**
 * The wasm heap kernels (wasm-heap-kernel.ts) behind `adam.ts` (Adam) and bows' AdamW: one update of several variables, reading
 * parameters, gradients and moments from the wasm heap and writing new ones, with the op-by-op
 * graph's float32 operations in its order (every product, sum and quotient rounded to float32 as
 * its separate kernels round them), so the weights equal the graph's. Inputs p0, g0, m0, v0, p1, …;
 * outputs p0', m0', v0', p1', ….
 *   Adam, as tf.train.adam:  m' = m·β₁ + g·(1−β₁),  v' = v·β₂ + g²·(1−β₂),
 *                            p' = ((m'/(1−β₁ᵗ)) / (√(v'/(1−β₂ᵗ)) + ε))·(−lr) + p.
 *   AdamW, as bows/adamw.ts: the same m', v';  p' = p·decay − (m'·lr/(1−β₁ᵗ)) / (√(v'/(1−β₂ᵗ)) + ε),
 *                            the decay only on the variables marked `decayed`.
 */
import { tf } from '../engine/tf';
import type { HeapKernel } from './wasm-heap-kernel';
import { simdMoments, type SimdConstants, type SimdMoments, type SimdPointers } from './simd-moments';
import { wasmBackendMemory } from './wasm-encoding';

export interface MomentAttrs {
  count: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export interface AdamAttrs extends MomentAttrs {
  learningRate: number;
  oneMinusAccBeta1: number;
  oneMinusAccBeta2: number;
}

export interface AdamWAttrs extends MomentAttrs {
  /** lr / (1 − β₁ᵗ). */
  lrOverC1: number;
  /** 1 / (1 − β₂ᵗ). */
  invC2: number;
  /** 1 − lr·λ. */
  decay: number;
  /** Per variable: 1 where the decay applies, 0 where not. */
  decayed: number[];
}

const f = Math.fround;

interface Buffers {
  p: Float32Array;
  g: Float32Array;
  m: Float32Array;
  v: Float32Array;
  outP: Float32Array;
  outM: Float32Array;
  outV: Float32Array;
}

/** The SIMD update (simd-moments.ts) over the active wasm backend's memory, or null where there is none. */
function simd(): SimdMoments | null {
  const memory = wasmBackendMemory(tf.backend());
  return memory ? simdMoments(memory) : null;
}

/** Whether Adam and AdamW run as WebAssembly SIMD on the active backend: then one kernel serves variables of every size. */
export function momentsInSimd(): boolean {
  return tf.getBackend() === 'wasm' && simd() !== null;
}

/**
 * Runs `update` (simd-moments.ts) on the longest prefix that is a multiple of four floats, and
 * returns where the scalar loop must take over (0 without SIMD).
 */
function simdPrefix(b: Buffers, update: 'adam' | 'adamW', constants: SimdConstants): number {
  const n4 = b.p.length & ~3;
  if (n4 === 0) return 0;
  const s = simd();
  if (!s) return 0;
  const at = [b.p, b.g, b.m, b.v, b.outP, b.outM, b.outV].map((a) => a.byteOffset) as SimdPointers;
  s[update](...at, n4 * 4, ...constants);
  return n4;
}

function adamUpdate(buffers: Buffers, a: AdamAttrs): void {
  const { p, g, m, v, outP, outM, outV } = buffers;
  const b1 = f(a.beta1);
  const b2 = f(a.beta2);
  const omb1 = f(1 - a.beta1);
  const omb2 = f(1 - a.beta2);
  const c1 = f(a.oneMinusAccBeta1);
  const c2 = f(a.oneMinusAccBeta2);
  const eps = f(a.epsilon);
  const negLr = f(-a.learningRate);
  const from = simdPrefix(buffers, 'adam', [b1, omb1, b2, omb2, c1, c2, eps, negLr]);
  for (let i = from; i < p.length; i++) {
    const gi = g[i]!;
    const mi = f(f(m[i]! * b1) + f(gi * omb1));
    const vi = f(f(v[i]! * b2) + f(f(gi * gi) * omb2));
    outM[i] = mi;
    outV[i] = vi;
    outP[i] = f(f(f(f(mi / c1) / f(f(Math.sqrt(f(vi / c2))) + eps)) * negLr) + p[i]!);
  }
}

function adamWUpdate(buffers: Buffers, a: AdamWAttrs, k: number): void {
  const { p, g, m, v, outP, outM, outV } = buffers;
  const b1 = f(a.beta1);
  const b2 = f(a.beta2);
  const omb1 = f(1 - a.beta1);
  const omb2 = f(1 - a.beta2);
  const lrOverC1 = f(a.lrOverC1);
  const invC2 = f(a.invC2);
  const eps = f(a.epsilon);
  const decay = f(a.decay);
  const decayed = a.decayed[k] === 1;
  // p·1 is p exactly, so the SIMD code multiplies every parameter and takes 1 where nothing decays.
  const from = simdPrefix(buffers, 'adamW', [b1, omb1, b2, omb2, lrOverC1, invC2, eps, decayed ? decay : 1]);
  for (let i = from; i < p.length; i++) {
    const gi = g[i]!;
    const mi = f(f(m[i]! * b1) + f(gi * omb1));
    const vi = f(f(v[i]! * b2) + f(f(gi * gi) * omb2));
    outM[i] = mi;
    outV[i] = vi;
    const step = f(f(mi * lrOverC1) / f(f(Math.sqrt(f(vi * invC2))) + eps));
    outP[i] = f((decayed ? f(p[i]! * decay) : p[i]!) - step);
  }
}

/** p0, g0, m0, v0, p1, … for `count` variables. */
const momentInputs = ({ count }: MomentAttrs): string[] =>
  Array.from({ length: count }, (_, i) => [`p${i}`, `g${i}`, `m${i}`, `v${i}`]).flat();

function momentKernel<A extends MomentAttrs>(name: string, update: (b: Buffers, attrs: A, variable: number) => void): HeapKernel<A> {
  return {
    name,
    inputs: momentInputs,
    outputShapes: (inputs) => inputs.flatMap((t, i) => (i % 4 === 0 ? [t.shape, t.shape, t.shape] : [])),
    run(inputs, outputs, attrs) {
      for (let i = 0; i < attrs.count; i++) {
        const [p, g, m, v] = inputs.slice(4 * i, 4 * i + 4) as [Float32Array, Float32Array, Float32Array, Float32Array];
        const [outP, outM, outV] = outputs.slice(3 * i, 3 * i + 3) as [Float32Array, Float32Array, Float32Array];
        update({ p, g, m, v, outP, outM, outV }, attrs, i);
      }
    },
  };
}

export const adamKernel = momentKernel<AdamAttrs>('GeometryLabAdam', adamUpdate);
export const adamWKernel = momentKernel<AdamWAttrs>('GeometryLabAdamW', adamWUpdate);
