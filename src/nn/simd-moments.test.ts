import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../engine/tf';
import { activateNodeBackend } from '../cli/node-backend';
import { createRng } from '../engine/rng';
import { backendMemory, simdMoments, simdMomentsBytes, type SimdConstants, type SimdPointers } from './simd-moments';
import { momentsInSimd } from './adam-wasm-kernel';

const f = Math.fround;
const N = 1000; // floats per array: 250 SIMD lanes of four

/** p, g, m, v then the outputs p′, m′, v′, each N floats, in a fresh memory. */
function arrays(memory: WebAssembly.Memory, seed: number) {
  const rng = createRng(seed);
  const all = Array.from({ length: 7 }, (_, k) => new Float32Array(memory.buffer, k * N * 4, N));
  const [p, g, m, v] = all;
  for (let i = 0; i < N; i++) {
    p![i] = rng.normal();
    g![i] = rng.next() < 0.2 ? 0 : rng.normal() * 10 ** (rng.int(7) - 3);
    m![i] = rng.normal() * 0.1;
    v![i] = rng.next() * 0.01;
  }
  return all as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
}

const offsets = Array.from({ length: 7 }, (_, k) => k * N * 4) as SimdPointers;

/** Checks element i's moments against the scalar formulas (constants 0–3: β₁, 1−β₁, β₂, 1−β₂) and returns them. */
function expectMoments(
  [b1, omb1, b2, omb2]: SimdConstants,
  { g, m, v, outM, outV }: Record<'g' | 'm' | 'v' | 'outM' | 'outV', Float32Array>,
  i: number,
): [number, number] {
  const mi = f(f(m[i]! * b1) + f(g[i]! * omb1));
  const vi = f(f(v[i]! * b2) + f(f(g[i]! * g[i]!) * omb2));
  expect(outM[i]).toBe(mi);
  expect(outV[i]).toBe(vi);
  return [mi, vi];
}

describe('Adam and AdamW as WebAssembly SIMD', () => {
  beforeAll(async () => {
    await activateNodeBackend('wasm');
  });

  it('builds a valid module for a plain and for a shared memory', () => {
    expect(WebAssembly.validate(simdMomentsBytes(false))).toBe(true);
    expect(WebAssembly.validate(simdMomentsBytes(true))).toBe(true);
    const shared = new WebAssembly.Memory({ initial: 1, maximum: 4, shared: true });
    expect(simdMoments(shared)).not.toBeNull();
  });

  it('Adam equals the scalar float32 code bit for bit', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const [p, g, m, v, outP, outM, outV] = arrays(memory, 1);
    const c = [0.9, 1 - 0.9, 0.999, 1 - 0.999, 1 - 0.9 ** 3, 1 - 0.999 ** 3, 1e-7, -0.01].map(f) as SimdConstants;
    const [, , , , c1, c2, eps, negLr] = c;
    simdMoments(memory)!.adam(...offsets, N * 4, ...c);
    for (let i = 0; i < N; i++) {
      const [mi, vi] = expectMoments(c, { g, m, v, outM, outV }, i);
      expect(outP[i]).toBe(f(f(f(f(mi / c1) / f(f(Math.sqrt(f(vi / c2))) + eps)) * negLr) + p[i]!));
    }
  });

  it('AdamW equals the scalar float32 code bit for bit, with and without the decay', () => {
    for (const decay of [f(1 - 0.01 * 0.1), 1]) {
      const memory = new WebAssembly.Memory({ initial: 1 });
      const [p, g, m, v, outP, outM, outV] = arrays(memory, 2);
      const c = [0.9, 1 - 0.9, 0.999, 1 - 0.999, 0.01 / (1 - 0.9 ** 5), 1 / (1 - 0.999 ** 5), 1e-8, decay].map(f) as SimdConstants;
      const [, , , , lrOverC1, invC2, eps] = c;
      simdMoments(memory)!.adamW(...offsets, N * 4, ...c);
      for (let i = 0; i < N; i++) {
        const [mi, vi] = expectMoments(c, { g, m, v, outM, outV }, i);
        const step = f(f(mi * lrOverC1) / f(f(Math.sqrt(f(vi * invC2))) + eps));
        expect(outP[i]).toBe(f((decay === 1 ? p[i]! : f(p[i]! * decay)) - step));
      }
    }
  });

  it('updates nothing for a length of 0', () => {
    const memory = new WebAssembly.Memory({ initial: 1 });
    const [, , , , outP] = arrays(memory, 3);
    outP.fill(7);
    simdMoments(memory)!.adam(...offsets, 0, 0.9, 0.1, 0.999, 0.001, 0.1, 0.001, 1e-7, -0.01);
    expect(outP.every((x) => x === 7)).toBe(true);
  });

  it('finds tfjs-wasm’s memory, so the Adam kernel runs in SIMD on this backend', () => {
    expect(backendMemory((tf.backend() as unknown as { wasm: unknown }).wasm)).toBeInstanceOf(WebAssembly.Memory);
    expect(momentsInSimd()).toBe(true);
    expect(backendMemory({})).toBeNull();
  });
});
