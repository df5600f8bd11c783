/**
 * A few WebAssembly instructions and the module layout, enough to write small SIMD kernels over
 * tfjs-wasm's heap by hand (simd-moments.ts, bows' output pass): the module imports the backend's
 * WebAssembly.Memory as env.memory, so a kernel gets byte offsets and nothing is copied. There is
 * no toolchain in the build; WebAssembly.Module validates what is written here.
 */

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

const simd = (op: number): number[] => [0xfd, ...uleb(op)];

export const OP = {
  v128Load: [0xfd, 0x00, 0x04, 0x00], // align 2^4 (a hint: unaligned loads are valid), offset 0
  v128Store: [0xfd, 0x0b, 0x04, 0x00],
  f32Store: [0x38, 0x02, 0x00], // align 2^2, offset 0
  i32Load: [0x28, 0x02, 0x00],
  v128Zero: [0xfd, 0x0c, ...Array<number>(16).fill(0)],
  splat: simd(0x13),
  /** i8x16.shuffle: byte k of the result is byte lanes[k] of (x, y) (16–31 being y's). */
  shuffle: (lanes: number[]) => [...simd(0x0d), ...lanes],
  extractLane: (lane: number) => [...simd(0x1f), lane],
  max: simd(0xe9),
  sqrt: simd(0xe3),
  add: simd(0xe4),
  sub: simd(0xe5),
  mul: simd(0xe6),
  div: simd(0xe7),
  localGet: (i: number) => [0x20, ...uleb(i)],
  localSet: (i: number) => [0x21, ...uleb(i)],
  localTee: (i: number) => [0x22, ...uleb(i)],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  i32Mul: [0x6c],
  i32LtU: [0x49],
  i32Eqz: [0x45],
  i32Const: (n: number) => [0x41, ...uleb(n)],
  f64PromoteF32: [0xbb],
  f64Add: [0xa0],
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  brIf: (depth: number) => [0x0d, depth],
  end: [0x0b],
};

/** Leaves the enclosing block when i32 local `local` is 0. */
export const exitIfZero = (local: number): number[] => [...OP.localGet(local), ...OP.i32Eqz, ...OP.brIf(0)];

/** local += (what `by` pushes). */
export const advance = (local: number, by: number[]): number[] => [...OP.localGet(local), ...by, ...OP.i32Add, ...OP.localSet(local)];

/** The end of a loop over byte index `index`: index += step; go round again while index < (what `limit` pushes). */
export const repeatWhileBelow = (index: number, step: number, limit: number[]): number[] => [
  ...OP.localGet(index),
  ...OP.i32Const(step),
  ...OP.i32Add,
  ...OP.localTee(index),
  ...limit,
  ...OP.i32LtU,
  ...OP.brIf(0),
];

/** The end of a counted loop: counter −= 1; go round again while it is not 0. */
export const repeatWhileLeft = (counter: number): number[] => [
  ...OP.localGet(counter),
  ...OP.i32Const(1),
  ...OP.i32Sub,
  ...OP.localTee(counter),
  ...OP.brIf(0),
];

export const I32 = 0x7f;
export const F32 = 0x7d;
export const F64 = 0x7c;
export const V128 = 0x7b;

/** Pushes the shuffle of v128 locals x and y taking float lanes `lanes` (4–7 being y's). */
export const shuffleFloats = (x: number, y: number, lanes: readonly [number, number, number, number]): number[] => [
  ...OP.localGet(x),
  ...OP.localGet(y),
  ...OP.shuffle(lanes.flatMap((lane) => [4 * lane, 4 * lane + 1, 4 * lane + 2, 4 * lane + 3])),
];

/**
 * A 4 × 4 transpose in registers, first half: from rows in v128 locals r, r+1, r+2, r+3 into the
 * interleaved pairs in locals t…t+3. `transposedColumn(t, j)` then pushes column j.
 */
export const interleaveRows = (r: number, t: number): number[] => [
  ...shuffleFloats(r, r + 1, [0, 4, 1, 5]),
  ...OP.localSet(t),
  ...shuffleFloats(r, r + 1, [2, 6, 3, 7]),
  ...OP.localSet(t + 1),
  ...shuffleFloats(r + 2, r + 3, [0, 4, 1, 5]),
  ...OP.localSet(t + 2),
  ...shuffleFloats(r + 2, r + 3, [2, 6, 3, 7]),
  ...OP.localSet(t + 3),
];

/** Pushes column j (0–3) of the 4 × 4 block whose rows interleaveRows put in t…t+3. */
export const transposedColumn = (t: number, j: number): number[] =>
  shuffleFloats(t + (j >> 1), t + 2 + (j >> 1), j % 2 === 0 ? [0, 1, 4, 5] : [2, 3, 6, 7]);

const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];

export interface WasmFunction {
  exportName: string;
  params: number[];
  results: number[];
  /** Runs of locals after the parameters: [count, type]. */
  locals: Array<[number, number]>;
  /** The body's instructions, without the final `end`. */
  code: number[];
}

/** A module of `functions` over an imported memory; `shared` must match that memory (tfjs-wasm's threaded build shares it). */
export function moduleBytes(functions: readonly WasmFunction[], shared: boolean): Uint8Array<ArrayBuffer> {
  const types = functions.map((fn) => [0x60, ...vec(fn.params.map((p) => [p])), ...vec(fn.results.map((r) => [r]))]);
  // Memory limits: at least one page, at most 4 GiB (the import's maximum must be at least the memory's).
  const limits = shared ? [0x03, 0x01, ...uleb(65536)] : [0x00, 0x01];
  const bodies = functions.map((fn) => {
    const body = [...vec(fn.locals.map(([count, type]) => [...uleb(count), type])), ...fn.code, ...OP.end];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, ...limits]])),
    ...section(3, vec(functions.map((_, k) => uleb(k)))),
    ...section(7, vec(functions.map((fn, k) => [...name(fn.exportName), 0x00, ...uleb(k)]))),
    ...section(10, vec(bodies)),
  ]);
}

/**
 * Instantiates `bytes(shared)` over `memory`, once per memory and cache; null where this
 * WebAssembly has no SIMD or refuses the module.
 */
export function instantiateOver<T>(
  cache: WeakMap<WebAssembly.Memory, T | null>,
  memory: WebAssembly.Memory,
  bytes: (shared: boolean) => Uint8Array<ArrayBuffer>,
): T | null {
  if (cache.has(memory)) return cache.get(memory)!;
  let made: T | null = null;
  try {
    const shared = typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes(shared)), { env: { memory } });
    made = instance.exports as unknown as T;
  } catch {
    made = null;
  }
  cache.set(memory, made);
  return made;
}

/** tfjs-wasm's WebAssembly.Memory: the threaded build keeps it as `wasmMemory`, the others export it as `asm.memory`. */
export function backendMemory(module: unknown): WebAssembly.Memory | null {
  const m = module as { wasmMemory?: unknown; asm?: { memory?: unknown } } | null;
  const memory = m?.wasmMemory ?? m?.asm?.memory;
  return memory instanceof WebAssembly.Memory ? memory : null;
}

/** The memory of a tfjs-wasm backend object (tf.backend() on wasm, or a kernel's `backend`), or null. */
export function wasmBackendMemory(backend: unknown): WebAssembly.Memory | null {
  return backendMemory((backend as { wasm?: unknown } | null)?.wasm);
}
