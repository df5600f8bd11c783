/**
 * Rows of a table summed by segment: out[segments[k]] += table[indices[k]] for k in order, over a
 * zeroed [outRows, width] output — the sparse gather-sum of a bag-of-words encoder and its gradient.
 *
 * tfjs's SparseSegmentSum wants the segments sorted and sizes its output from the last one (bows
 * padded its by-word lists with an entry for an extra zero row, concatenated to the table at every
 * step, to get V rows), and on wasm it reads that last id and an error record back from the heap.
 * Here the output size is given; on wasm the rows are added four floats an instruction by a small
 * WebAssembly SIMD function over tfjs-wasm's heap (wasm-encoding.ts), after a check of both lists
 * in JavaScript (an index out of range would write outside the output). Per call it costs what
 * tfjs's kernel does (Node, 9,180 entries of 32 floats: 0.10–0.12 ms against 0.09–0.11; the SIMD
 * loop 0.053 of it, the check 0.03). Each output row adds its entries in list order, as tfjs's
 * kernel does, so the sums are equal bit for bit. Elsewhere (and for widths that are not a multiple
 * of 4) the same sums run as tf.unsortedSegmentSum of a gather.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf, type Tensor } from '../engine/tf';
import { registerKernelOnce } from './register-kernel-once';
import { exitIfZero, instantiateOver, moduleBytes, OP, I32, repeatWhileBelow, wasmBackendMemory } from './wasm-encoding';

const KERNEL = 'GeometryLabSegmentSum';

// Parameters: byte offsets of the table, the indices, the segments and the output; the entry count;
// a row's length in bytes (a multiple of 16). Locals: the entry's byte index, the source and
// destination rows, the byte index within a row.
const [TABLE, INDICES, SEGMENTS, OUT, COUNT, ROW_BYTES] = [0, 1, 2, 3, 4, 5];
const [K, SRC, DST, J] = [6, 7, 8, 9];
const rowAt = (base: number, list: number) => [
  ...OP.localGet(base),
  ...OP.localGet(list),
  ...OP.localGet(K),
  ...OP.i32Add,
  ...OP.i32Load,
  ...OP.localGet(ROW_BYTES),
  ...OP.i32Mul,
  ...OP.i32Add,
];
const code = [
  ...OP.block,
  ...exitIfZero(COUNT),
  ...OP.loop, // entries
  ...rowAt(TABLE, INDICES),
  ...OP.localSet(SRC),
  ...rowAt(OUT, SEGMENTS),
  ...OP.localSet(DST),
  ...OP.i32Const(0),
  ...OP.localSet(J),
  ...OP.loop, // four floats at a time
  ...OP.localGet(DST),
  ...OP.localGet(J),
  ...OP.i32Add,
  ...OP.localGet(DST),
  ...OP.localGet(J),
  ...OP.i32Add,
  ...OP.v128Load,
  ...OP.localGet(SRC),
  ...OP.localGet(J),
  ...OP.i32Add,
  ...OP.v128Load,
  ...OP.add,
  ...OP.v128Store,
  ...repeatWhileBelow(J, 16, OP.localGet(ROW_BYTES)),
  ...OP.end,
  ...repeatWhileBelow(K, 4, [...OP.localGet(COUNT), ...OP.i32Const(4), ...OP.i32Mul]),
  ...OP.end,
  ...OP.end,
];

export function segmentSumBytes(shared: boolean): Uint8Array<ArrayBuffer> {
  return moduleBytes([{ exportName: 'segmentSum', params: [I32, I32, I32, I32, I32, I32], results: [], locals: [[4, I32]], code }], shared);
}

interface SimdSegmentSum {
  segmentSum(table: number, indices: number, segments: number, out: number, count: number, rowBytes: number): void;
}

const instances = new WeakMap<WebAssembly.Memory, SimdSegmentSum | null>();

function simd(backend: BackendWasm): SimdSegmentSum | null {
  const memory = wasmBackendMemory(backend);
  return memory ? instantiateOver(instances, memory, segmentSumBytes) : null;
}

/** Throws unless every entry of `list` lies in [0, n). */
function checkRange(list: Int32Array, n: number, what: string): void {
  for (let k = 0; k < list.length; k++) {
    const v = list[k]!;
    if (!(v >= 0 && v < n)) throw new Error(`segmentSum: ${what} ${v} at ${k} outside [0, ${n})`);
  }
}

function register(): void {
  registerKernelOnce(KERNEL, 'wasm', ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const { table, indices, segments } = inputs as Record<'table' | 'indices' | 'segments', tf.TensorInfo>;
    const outRows = (attrs as { outRows: number }).outRows;
    const [rows, width] = table.shape as [number, number];
    const out = wasm.makeOutput([outRows, width], 'float32');
    // Views after the allocation: growing the heap detaches older ones.
    const dst = wasm.typedArrayFromHeap(out) as Float32Array;
    const src = wasm.typedArrayFromHeap(table) as Float32Array;
    const idx = wasm.typedArrayFromHeap(indices) as Int32Array;
    const seg = wasm.typedArrayFromHeap(segments) as Int32Array;
    checkRange(idx, rows, 'index');
    checkRange(seg, outRows, 'segment');
    dst.fill(0);
    const fn = width % 4 === 0 ? simd(wasm) : null;
    if (fn && dst.buffer === src.buffer) {
      fn.segmentSum(src.byteOffset, idx.byteOffset, seg.byteOffset, dst.byteOffset, idx.length, width * 4);
    } else {
      for (let k = 0; k < idx.length; k++) {
        const from = idx[k]! * width;
        const to = seg[k]! * width;
        for (let j = 0; j < width; j++) dst[to + j] = Math.fround(dst[to + j]! + src[from + j]!);
      }
    }
    return out;
  });
}

/** [outRows, width]: row s is the sum, in list order, of table[indices[k]] over the k with segments[k] = s. */
export function segmentSum(table: Tensor, indices: Tensor, segments: Tensor, outRows: number): Tensor {
  if (table.rank !== 2 || indices.rank !== 1 || segments.rank !== 1 || indices.size !== segments.size)
    throw new Error('segmentSum: a [rows, width] table and two int32 lists of one length expected');
  if (indices.dtype !== 'int32' || segments.dtype !== 'int32') throw new Error('segmentSum: the lists must be int32');
  if (tf.getBackend() !== 'wasm' || table.dtype !== 'float32')
    return tf.tidy(() => tf.unsortedSegmentSum(tf.gather(table, indices), segments as tf.Tensor1D, outRows));
  register();
  return tf.engine().runKernel<Tensor>(KERNEL, { table, indices, segments }, { outRows });
}
