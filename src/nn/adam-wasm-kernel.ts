/**
 * The wasm kernels behind `adam.ts` (Adam) and bows' AdamW: one update of several variables, reading
 * parameters, gradients and moments from the wasm heap and writing new ones, with the op-by-op
 * graph's float32 operations in its order (every product, sum and quotient rounded to float32 as
 * its separate kernels round them), so the weights equal the graph's. Inputs p0, g0, m0, v0, p1, …;
 * outputs p0', m0', v0', p1', ….
 *   Adam, as tf.train.adam:  m' = m·β₁ + g·(1−β₁),  v' = v·β₂ + g²·(1−β₂),
 *                            p' = ((m'/(1−β₁ᵗ)) / (√(v'/(1−β₂ᵗ)) + ε))·(−lr) + p.
 *   AdamW, as bows/adamw.ts: the same m', v';  p' = p·decay − (m'·lr/(1−β₁ᵗ)) / (√(v'/(1−β₂ᵗ)) + ε),
 *                            the decay only on the variables marked `decayed`.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf } from '../engine/tf';

export const ADAM_KERNEL = 'GeometryLabAdam';
export const ADAMW_KERNEL = 'GeometryLabAdamW';

interface MomentAttrs {
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

function adamUpdate({ p, g, m, v, outP, outM, outV }: Buffers, a: AdamAttrs): void {
  const b1 = f(a.beta1);
  const b2 = f(a.beta2);
  const omb1 = f(1 - a.beta1);
  const omb2 = f(1 - a.beta2);
  const c1 = f(a.oneMinusAccBeta1);
  const c2 = f(a.oneMinusAccBeta2);
  const eps = f(a.epsilon);
  const negLr = f(-a.learningRate);
  for (let i = 0; i < p.length; i++) {
    const gi = g[i]!;
    const mi = f(f(m[i]! * b1) + f(gi * omb1));
    const vi = f(f(v[i]! * b2) + f(f(gi * gi) * omb2));
    outM[i] = mi;
    outV[i] = vi;
    outP[i] = f(f(f(f(mi / c1) / f(f(Math.sqrt(f(vi / c2))) + eps)) * negLr) + p[i]!);
  }
}

function adamWUpdate({ p, g, m, v, outP, outM, outV }: Buffers, a: AdamWAttrs, k: number): void {
  const b1 = f(a.beta1);
  const b2 = f(a.beta2);
  const omb1 = f(1 - a.beta1);
  const omb2 = f(1 - a.beta2);
  const lrOverC1 = f(a.lrOverC1);
  const invC2 = f(a.invC2);
  const eps = f(a.epsilon);
  const decay = f(a.decay);
  const decayed = a.decayed[k] === 1;
  for (let i = 0; i < p.length; i++) {
    const gi = g[i]!;
    const mi = f(f(m[i]! * b1) + f(gi * omb1));
    const vi = f(f(v[i]! * b2) + f(f(gi * gi) * omb2));
    outM[i] = mi;
    outV[i] = vi;
    const step = f(f(mi * lrOverC1) / f(f(Math.sqrt(f(vi * invC2))) + eps));
    outP[i] = f((decayed ? f(p[i]! * decay) : p[i]!) - step);
  }
}

function ensureKernel<A extends MomentAttrs>(kernelName: string, update: (b: Buffers, attrs: A, variable: number) => void): void {
  if (tf.getKernel(kernelName, 'wasm')) return;
  tf.registerKernel({
    kernelName,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const wasm = backend as BackendWasm;
      const a = attrs as unknown as A;
      const given = inputs as Record<string, tf.TensorInfo>;
      const vars = Array.from({ length: a.count }, (_, i) => [given[`p${i}`]!, given[`g${i}`]!, given[`m${i}`]!, given[`v${i}`]!] as const);
      // Every output first: an allocation may grow the wasm memory, which detaches older heap views.
      const outputs = vars.flatMap(([p]) => [0, 1, 2].map(() => wasm.makeOutput(p.shape, 'float32')));
      const heap = (t: tf.TensorInfo) => wasm.typedArrayFromHeap(t) as Float32Array;
      vars.forEach(([p, g, m, v], i) => {
        update(
          {
            p: heap(p),
            g: heap(g),
            m: heap(m),
            v: heap(v),
            outP: heap(outputs[3 * i]!),
            outM: heap(outputs[3 * i + 1]!),
            outV: heap(outputs[3 * i + 2]!),
          },
          a,
          i,
        );
      });
      return outputs;
    },
  });
}

let registered = false;

export function ensureAdamKernels(): void {
  // Once per module: looking the kernels up in the registry costs more than an update of a small model.
  if (registered) return;
  registered = true;
  ensureKernel<AdamAttrs>(ADAM_KERNEL, adamUpdate);
  ensureKernel<AdamWAttrs>(ADAMW_KERNEL, adamWUpdate);
}
