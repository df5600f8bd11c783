/**
 * tfjs-wasm's Slice — and SplitV and Unpack, which call it — first copies the whole input out of
 * the wasm heap (`backend.readSync`, a fresh ArrayBuffer) and then copies the slice out of that copy.
 * In the page the heap is a SharedArrayBuffer (the threaded build), and that first copy is slow:
 * readSync was 19% of intertwiner's training worker in a profile of 8 s at full speed, Chromium
 * 22.4 ms a step against Node's 14.1. These replacements read the input where it lies (a view of the
 * heap, as tfjs-wasm's own Concat does) and copy only the slice: the same values, bit for bit.
 * Strings (which live outside the heap) still go to tfjs-wasm's own kernels.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf } from '../engine/tf';

type Info = tf.TensorInfo;
type Args = Parameters<tf.KernelFunc>[0];

/** Copies x[begin : begin + size] into a new output, reading x through a heap view. */
export function heapSlice(backend: BackendWasm, x: Info, begin: readonly number[], size: readonly number[]): Info {
  // tfjs's utilities take mutable arrays: one copy of each, shared by every call below.
  const shape = [...size];
  const start = [...begin];
  const out = backend.makeOutput(shape, x.dtype);
  const count = tf.util.sizeFromShape(shape);
  if (count === 0) return out;
  // Views taken after the output's allocation: growing the heap detaches older views.
  const src = backend.typedArrayFromHeap(x);
  const dst = backend.typedArrayFromHeap(out);
  const rank = x.shape.length;
  if (rank === 0) {
    dst[0] = src[0]!;
    return out;
  }
  const strides = tf.util.computeStrides(x.shape);
  if (tf.slice_util.isSliceContinous(x.shape, start, shape)) {
    const offset = tf.slice_util.computeFlatOffset(start, strides);
    dst.set(src.subarray(offset, offset + count));
    return out;
  }
  // Runs along the last axis, one per index of the outer axes (odometer order = row-major output).
  const run = size[rank - 1]!;
  const index = new Array<number>(rank - 1).fill(0);
  for (let written = 0; written < count; written += run) {
    let offset = begin[rank - 1]!;
    for (let d = 0; d < rank - 1; d++) offset += (begin[d]! + index[d]!) * strides[d]!;
    dst.set(src.subarray(offset, offset + run), written);
    for (let d = rank - 2; d >= 0; d--) {
      if (++index[d]! < size[d]!) break;
      index[d] = 0;
    }
  }
  return out;
}

function slice(args: Args, original: tf.KernelFunc): Info | Info[] {
  const x = (args.inputs as { x: Info }).x;
  if (x.dtype === 'string') return original(args);
  const attrs = args.attrs as unknown as { begin: number | number[]; size?: number | number[] };
  const [begin, size] = tf.slice_util.parseSliceParams(x, attrs.begin, attrs.size);
  return heapSlice(args.backend as BackendWasm, x, begin!, size!);
}

function splitV(args: Args, original: tf.KernelFunc): Info | Info[] {
  const x = (args.inputs as { x: Info }).x;
  if (x.dtype === 'string') return original(args);
  const attrs = args.attrs as unknown as { numOrSizeSplits: number | number[]; axis: number };
  const axis = tf.util.parseAxisParam(attrs.axis, x.shape)[0]!;
  const sizes = tf.backend_util.prepareSplitSize(x, attrs.numOrSizeSplits, axis);
  const begin = new Array<number>(x.shape.length).fill(0);
  return sizes.map((s) => {
    const size = [...x.shape];
    size[axis] = s;
    const part = heapSlice(args.backend as BackendWasm, x, begin, size);
    begin[axis]! += s;
    return part;
  });
}

function unpack(args: Args, original: tf.KernelFunc): Info | Info[] {
  const value = (args.inputs as { value: Info }).value;
  if (value.dtype === 'string') return original(args);
  const rank = value.shape.length;
  let axis = (args.attrs as unknown as { axis: number }).axis;
  if (axis < 0) axis += rank;
  const outShape = value.shape.filter((_, d) => d !== axis);
  const begin = new Array<number>(rank).fill(0);
  const size = [...value.shape];
  size[axis] = 1;
  return Array.from({ length: value.shape[axis]! }, (_, i) => {
    begin[axis] = i;
    const { dataId, dtype } = heapSlice(args.backend as BackendWasm, value, begin, size);
    return { dataId, dtype, shape: outShape };
  });
}

const REPLACEMENTS: Record<string, (args: Args, original: tf.KernelFunc) => Info | Info[]> = {
  Slice: slice,
  SplitV: splitV,
  Unpack: unpack,
};

/** The kernel functions installed, by kernel name (tests check that the registry holds them). */
export const installedSliceKernels = new Map<string, tf.KernelFunc>();

/** Puts the heap-view kernels in place of tfjs-wasm's (once; tfjs-wasm registers its own on import). */
export function installWasmHeapSlices(): void {
  for (const [name, replacement] of Object.entries(REPLACEMENTS)) {
    if (installedSliceKernels.has(name)) continue;
    const config = tf.getKernel(name, 'wasm');
    if (!config) continue;
    const original = config.kernelFunc;
    const kernelFunc: tf.KernelFunc = (args) => replacement(args, original);
    tf.unregisterKernel(name, 'wasm');
    tf.registerKernel({ ...config, kernelFunc });
    installedSliceKernels.set(name, kernelFunc);
  }
}
