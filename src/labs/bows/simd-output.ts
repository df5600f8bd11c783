/**
 * The dense pass of bows' output kernel (output-grad-kernel.ts) as WebAssembly SIMD over tfjs-wasm's
 * heap, four rows × four columns at a time: for every row r < a multiple of 4 and column v < a
 * multiple of 4,
 *   relu = max(hW[r, v] + b[v], 0),   g[r, v] = gT[v, r] = relu·s,
 * returning Σ relu²; and, once the kernel has corrected the bags' entries, gb[v] = Σ_r g[r, v]. gT, the transposed copy, goes on the left of a product: XNNPACK packs a
 * product's right-hand side anew for every fresh tensor (0.45 ms for this one); each 4×4 block is
 * transposed in registers (eight shuffles) and stored as four 16-byte columns. JavaScript spent
 * about 8 ns an element on the pass (1.2 ms for 256 × 500). Each add and mul is one float32
 * instruction, so g and gb equal the scalar code bit for bit (gb adds its rows one by one, in
 * order, as a [1, B] × [B, V] product of ones does); Σ relu² sums four float32 lanes per group of
 * rows, then the groups in float64.
 */
import {
  advance,
  exitIfZero,
  instantiateOver,
  interleaveRows,
  moduleBytes,
  OP,
  F32,
  F64,
  I32,
  repeatWhileBelow,
  repeatWhileLeft,
  transposedColumn,
  V128,
} from '../../nn/wasm-encoding';

// Parameters: byte offsets of hW, b, g, gT; the number of 4-row groups; a row's length in
// bytes; the bytes of each row to do here (a multiple of 16); a column of gT's length in bytes; s.
const [HW, B, G, GT, GROUPS, ROW_BYTES, SIMD_BYTES, COLUMN_BYTES, S] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
// Locals: the column's byte index, where gT's next column goes, rows 1–3's offsets; s splatted,
// the group's Σ relu² lanes, relu, b's four columns, the four rows' g, four shuffled; Σ relu².
const [V, T, R1, R2, R3] = [9, 10, 11, 12, 13];
const [S4, ACC, RELU, BV, G0, X0, SSE] = [14, 15, 16, 17, 18, 22, 26];
const ROW_OFFSET = [null, R1, R2, R3] as const;

/** The address of row j of `pointer`, column V. */
function at(pointer: number, row: number): number[] {
  const offset = ROW_OFFSET[row];
  return [
    ...OP.localGet(pointer),
    ...(offset === null || offset === undefined ? [] : [...OP.localGet(offset), ...OP.i32Add]),
    ...OP.localGet(V),
    ...OP.i32Add,
  ];
}

/** Row j: relu, g = relu·s stored, Σ relu² grown. */
const row = (j: number) => [
  ...at(HW, j),
  ...OP.v128Load,
  ...OP.localGet(BV),
  ...OP.add,
  ...OP.v128Zero,
  ...OP.max,
  ...OP.localTee(RELU),
  ...OP.localGet(S4),
  ...OP.mul,
  ...OP.localSet(G0 + j),
  ...at(G, j),
  ...OP.localGet(G0 + j),
  ...OP.v128Store,
  ...OP.localGet(ACC),
  ...OP.localGet(RELU),
  ...OP.localGet(RELU),
  ...OP.mul,
  ...OP.add,
  ...OP.localSet(ACC),
];

/** The 4×4 block of g, transposed, to gT's next four columns. */
const transposeBlock = [
  ...interleaveRows(G0, X0),
  ...[0, 1, 2, 3].flatMap((j) => [
    ...OP.localGet(T),
    ...transposedColumn(X0, j),
    ...OP.v128Store,
    ...OP.localGet(T),
    ...OP.localGet(COLUMN_BYTES),
    ...OP.i32Add,
    ...OP.localSet(T),
  ]),
];

const code = [
  ...OP.localGet(S),
  ...OP.splat,
  ...OP.localSet(S4),
  ...OP.localGet(ROW_BYTES),
  ...OP.localTee(R1),
  ...OP.localGet(ROW_BYTES),
  ...OP.i32Add,
  ...OP.localTee(R2),
  ...OP.localGet(ROW_BYTES),
  ...OP.i32Add,
  ...OP.localSet(R3),
  ...OP.block,
  ...exitIfZero(GROUPS),
  ...exitIfZero(SIMD_BYTES),
  ...OP.loop, // groups of four rows
  ...OP.v128Zero,
  ...OP.localSet(ACC),
  ...OP.i32Const(0),
  ...OP.localSet(V),
  ...OP.localGet(GT),
  ...OP.localSet(T),
  ...OP.loop, // columns, four at a time
  ...OP.localGet(B),
  ...OP.localGet(V),
  ...OP.i32Add,
  ...OP.v128Load,
  ...OP.localSet(BV),
  ...[0, 1, 2, 3].flatMap(row),
  ...transposeBlock,
  ...repeatWhileBelow(V, 16, OP.localGet(SIMD_BYTES)),
  ...OP.end,
  ...OP.localGet(SSE),
  ...[0, 1, 2, 3].flatMap((lane) => [...OP.localGet(ACC), ...OP.extractLane(lane), ...OP.f64PromoteF32, ...OP.f64Add]),
  ...OP.localSet(SSE),
  ...advance(HW, [...OP.localGet(R3), ...OP.localGet(ROW_BYTES), ...OP.i32Add]),
  ...advance(G, [...OP.localGet(R3), ...OP.localGet(ROW_BYTES), ...OP.i32Add]),
  ...advance(GT, OP.i32Const(16)),
  ...repeatWhileLeft(GROUPS),
  ...OP.end,
  ...OP.end,
  ...OP.localGet(SSE),
];

// columnSums's parameters: byte offsets of g and gb, the row count, a row's length in bytes, the
// bytes of each row to sum (a multiple of 16). Locals: the column's byte index, the row's byte
// offset, the rows left, the four columns' sums.
const [CG, CGB, CROWS, CROW_BYTES, CSIMD_BYTES] = [0, 1, 2, 3, 4];
const [CV, CR, CN, CSUM] = [5, 6, 7, 8];
const columnSumsCode = [
  ...OP.block,
  ...exitIfZero(CSIMD_BYTES),
  ...OP.loop, // columns, four at a time
  ...OP.v128Zero,
  ...OP.localSet(CSUM),
  ...OP.localGet(CG),
  ...OP.localGet(CV),
  ...OP.i32Add,
  ...OP.localSet(CR),
  ...OP.localGet(CROWS),
  ...OP.localSet(CN),
  ...OP.block,
  ...exitIfZero(CN),
  ...OP.loop, // rows, in order
  ...OP.localGet(CSUM),
  ...OP.localGet(CR),
  ...OP.v128Load,
  ...OP.add,
  ...OP.localSet(CSUM),
  ...advance(CR, OP.localGet(CROW_BYTES)),
  ...repeatWhileLeft(CN),
  ...OP.end,
  ...OP.end,
  ...OP.localGet(CGB),
  ...OP.localGet(CV),
  ...OP.i32Add,
  ...OP.localGet(CSUM),
  ...OP.v128Store,
  ...repeatWhileBelow(CV, 16, OP.localGet(CSIMD_BYTES)),
  ...OP.end,
  ...OP.end,
];

export function simdOutputBytes(shared: boolean): Uint8Array<ArrayBuffer> {
  return moduleBytes(
    [
      {
        exportName: 'outputPass',
        params: [I32, I32, I32, I32, I32, I32, I32, I32, F32],
        results: [F64],
        locals: [
          [5, I32],
          [12, V128],
          [1, F64],
        ],
        code,
      },
      {
        exportName: 'columnSums',
        params: [I32, I32, I32, I32, I32],
        results: [],
        locals: [
          [3, I32],
          [1, V128],
        ],
        code: columnSumsCode,
      },
    ],
    shared,
  );
}

export interface SimdOutput {
  /**
   * (hW, b, g, gT, groups, rowBytes, simdBytes, columnBytes, s) → Σ relu² over rows
   * [0, 4·groups) and the first simdBytes of each; pointers are byte offsets into the memory.
   */
  outputPass(
    hW: number,
    b: number,
    g: number,
    gT: number,
    groups: number,
    rowBytes: number,
    simdBytes: number,
    columnBytes: number,
    s: number,
  ): number;
  /** (g, gb, rows, rowBytes, simdBytes): gb[v] = Σ_r g[r, v], adding the rows in order, for the first simdBytes of each row. */
  columnSums(g: number, gb: number, rows: number, rowBytes: number, simdBytes: number): void;
}

const instances = new WeakMap<WebAssembly.Memory, SimdOutput | null>();

/** The SIMD pass over `memory`, or null where this WebAssembly has no SIMD (compiled once per memory). */
export function simdOutput(memory: WebAssembly.Memory): SimdOutput | null {
  return instantiateOver(instances, memory, simdOutputBytes);
}
