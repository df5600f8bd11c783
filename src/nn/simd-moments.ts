/**
 * Adam's and AdamW's element-wise update (adam-wasm-kernel.ts) as WebAssembly SIMD, four floats an
 * instruction, working in place on tfjs-wasm's own heap: the module imports the backend's
 * WebAssembly.Memory, so a heap kernel passes byte offsets and nothing is copied.
 *
 * Why: the JavaScript kernel costs about 10 ns an element (every float32 rounding spelled out), so
 * variables over 16K elements went through tf.train.adam's graph, 18 kernels each (spotlight's
 * 1.2 million weights: about 3 ms a step). Here an element costs well under 1 ns.
 * The operations are the JavaScript kernel's, in its order, each rounded to float32 by the
 * instruction itself (IEEE add, mul, div and sqrt round correctly), so the results are equal bit for
 * bit; unit-tested against it. The module is about 300 bytes, written out below (no toolchain in
 * the build; its encoding is wasm-encoding.ts); WebAssembly.Module validates it.
 */

import {
  backendMemory,
  exitIfZero,
  instantiateOver,
  moduleBytes,
  OP,
  F32,
  I32,
  repeatWhileBelow,
  V128,
  type WasmFunction,
} from './wasm-encoding';

export { backendMemory };

/**
 * Parameters of both functions: the byte offsets of p, g, m, v and of the outputs p′, m′, v′, the
 * byte length to update (a multiple of 16), then eight float32 constants. Locals after them: the
 * byte index, the eight constants splatted to v128, and three v128 temporaries.
 */
const POINTERS = 8;
const CONSTANTS = 8;
const I = POINTERS + CONSTANTS;
const splatted = (k: number) => I + 1 + k;
const M1 = I + 1 + CONSTANTS;
const V1 = M1 + 1;
const G = V1 + 1;
const at = (pointer: number) => [...OP.localGet(pointer), ...OP.localGet(I), ...OP.i32Add];
const load = (pointer: number) => [...at(pointer), ...OP.v128Load];

/** The moments, shared by both: m′ = m·β₁ + g·(1−β₁), v′ = v·β₂ + (g·g)·(1−β₂), stored. Constants 0–3 are β₁, 1−β₁, β₂, 1−β₂. */
const moments = [
  ...load(1),
  ...OP.localSet(G),
  ...load(2),
  ...OP.localGet(splatted(0)),
  ...OP.mul,
  ...OP.localGet(G),
  ...OP.localGet(splatted(1)),
  ...OP.mul,
  ...OP.add,
  ...OP.localSet(M1),
  ...load(3),
  ...OP.localGet(splatted(2)),
  ...OP.mul,
  ...OP.localGet(G),
  ...OP.localGet(G),
  ...OP.mul,
  ...OP.localGet(splatted(3)),
  ...OP.mul,
  ...OP.add,
  ...OP.localSet(V1),
  ...at(5),
  ...OP.localGet(M1),
  ...OP.v128Store,
  ...at(6),
  ...OP.localGet(V1),
  ...OP.v128Store,
];

/** Adam (constants 4–7: 1−β₁ᵗ, 1−β₂ᵗ, ε, −lr): p′ = ((m′/c₁) / (√(v′/c₂) + ε))·(−lr) + p. */
const adamParameter = [
  ...at(4),
  ...OP.localGet(M1),
  ...OP.localGet(splatted(4)),
  ...OP.div,
  ...OP.localGet(V1),
  ...OP.localGet(splatted(5)),
  ...OP.div,
  ...OP.sqrt,
  ...OP.localGet(splatted(6)),
  ...OP.add,
  ...OP.div,
  ...OP.localGet(splatted(7)),
  ...OP.mul,
  ...load(0),
  ...OP.add,
  ...OP.v128Store,
];

/** AdamW (constants 4–7: lr/c₁, 1/c₂, ε, the decay or 1): p′ = p·decay − (m′·lr/c₁) / (√(v′/c₂) + ε). */
const adamWParameter = [
  ...at(4),
  ...load(0),
  ...OP.localGet(splatted(7)),
  ...OP.mul,
  ...OP.localGet(M1),
  ...OP.localGet(splatted(4)),
  ...OP.mul,
  ...OP.localGet(V1),
  ...OP.localGet(splatted(5)),
  ...OP.mul,
  ...OP.sqrt,
  ...OP.localGet(splatted(6)),
  ...OP.add,
  ...OP.div,
  ...OP.sub,
  ...OP.v128Store,
];

function updateFunction(exportName: string, parameter: number[]): WasmFunction {
  return {
    exportName,
    params: [...Array<number>(POINTERS).fill(I32), ...Array<number>(CONSTANTS).fill(F32)],
    results: [],
    locals: [
      [1, I32],
      [CONSTANTS + 3, V128],
    ],
    code: [
      ...Array.from({ length: CONSTANTS }, (_, k) => [...OP.localGet(POINTERS + k), ...OP.splat, ...OP.localSet(splatted(k))]).flat(),
      ...OP.block,
      ...exitIfZero(POINTERS - 1),
      ...OP.loop,
      ...moments,
      ...parameter,
      ...repeatWhileBelow(I, 16, OP.localGet(POINTERS - 1)),
      ...OP.end,
      ...OP.end,
    ],
  };
}

/** The module's bytes; `shared` must match the imported memory (tfjs-wasm's threaded build shares it). */
export function simdMomentsBytes(shared: boolean): Uint8Array<ArrayBuffer> {
  return moduleBytes([updateFunction('adam', adamParameter), updateFunction('adamW', adamWParameter)], shared);
}

/** Byte offsets of p, g, m, v, p′, m′, v′ in the memory. */
export type SimdPointers = [number, number, number, number, number, number, number];
/** The eight float32 constants of an update (see adamParameter and adamWParameter). */
export type SimdConstants = [number, number, number, number, number, number, number, number];
type Update = (...args: [...SimdPointers, byteLength: number, ...SimdConstants]) => void;

export interface SimdMoments {
  adam: Update;
  adamW: Update;
}

const instances = new WeakMap<WebAssembly.Memory, SimdMoments | null>();

/** The SIMD functions over `memory`, or null where this WebAssembly has no SIMD (compiled once per memory). */
export function simdMoments(memory: WebAssembly.Memory): SimdMoments | null {
  return instantiateOver(instances, memory, simdMomentsBytes);
}
