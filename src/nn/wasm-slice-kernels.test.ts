import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../engine/tf';
import { activateNodeBackend } from '../cli/node-backend';
import { installedSliceKernels } from './wasm-slice-kernels';
import { createRng } from '../engine/rng';

/** x[begin : begin + size] of a row-major array of `shape`, by index arithmetic alone. */
function referenceSlice(values: ArrayLike<number>, shape: number[], begin: number[], size: number[]): number[] {
  const out: number[] = [];
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  const count = size.reduce((a, b) => a * b, 1);
  for (let flat = 0; flat < count; flat++) {
    let rest = flat;
    let offset = 0;
    for (let d = size.length - 1; d >= 0; d--) {
      offset += (begin[d]! + (rest % size[d]!)) * strides[d]!;
      rest = Math.floor(rest / size[d]!);
    }
    out.push(values[offset]!);
  }
  return out;
}

/** Counts the wasm backend's readSync calls (tfjs-wasm's own Slice makes one per slice: a copy of the whole input). */
function countReadSync<T>(body: () => T): { result: T; reads: number } {
  const backend = tf.backend() as unknown as { readSync: (...args: unknown[]) => unknown };
  const own = backend.readSync;
  let reads = 0;
  backend.readSync = (...args: unknown[]) => {
    reads++;
    return own.apply(backend, args);
  };
  try {
    return { result: body(), reads };
  } finally {
    backend.readSync = own;
  }
}

describe('heap-view Slice, SplitV and Unpack on wasm', () => {
  beforeAll(async () => {
    await activateNodeBackend('wasm');
  });

  it('are the kernels tfjs runs for wasm', () => {
    for (const name of ['Slice', 'SplitV', 'Unpack']) expect(tf.getKernel(name, 'wasm').kernelFunc).toBe(installedSliceKernels.get(name));
  });

  it('slice any rank and any box exactly as index arithmetic does, with no copy of the whole input', () => {
    const rng = createRng(7);
    let checked = 0;
    for (let trial = 0; trial < 60; trial++) {
      const rank = 1 + (trial % 5);
      const shape = Array.from({ length: rank }, () => 1 + rng.int(5));
      const begin = shape.map((n) => rng.int(n));
      const size = shape.map((n, d) => 1 + rng.int(n - begin[d]!));
      const dtype = trial % 3 === 0 ? 'int32' : 'float32';
      const values = Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () =>
        dtype === 'int32' ? rng.int(1000) - 500 : rng.normal(),
      );
      const x = tf.tensor(values, shape, dtype);
      const { result, reads } = countReadSync(() => tf.slice(x, begin, size));
      expect(reads).toBe(0);
      expect(result.shape).toEqual(size);
      expect(result.dtype).toBe(dtype);
      expect(Array.from(result.dataSync())).toEqual(referenceSlice(Float32Array.from(values), shape, begin, size));
      checked += result.size;
      tf.dispose([x, result]);
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('split along every axis and unstack, as the reference does', () => {
    const shape = [4, 3, 5];
    const values = Array.from({ length: 60 }, (_, i) => i * 0.5 - 7);
    const x = tf.tensor3d(values, shape as [number, number, number]);
    for (let axis = 0; axis < 3; axis++) {
      const sizes = axis === 2 ? [2, 3] : [1, shape[axis]! - 1];
      const { result: parts, reads } = countReadSync(() => tf.split(x, sizes, axis));
      expect(reads).toBe(0);
      let at = 0;
      parts.forEach((p, i) => {
        const begin = [0, 0, 0];
        const size = [...shape];
        begin[axis] = at;
        size[axis] = sizes[i]!;
        at += sizes[i]!;
        expect(p.shape).toEqual(size);
        expect(Array.from(p.dataSync())).toEqual(referenceSlice(values, shape, begin, size));
      });
      tf.dispose(parts);
      const rows = tf.unstack(x, axis);
      expect(rows).toHaveLength(shape[axis]!);
      rows.forEach((r, i) => {
        const begin = [0, 0, 0];
        const size = [...shape];
        begin[axis] = i;
        size[axis] = 1;
        expect(r.shape).toEqual(shape.filter((_, d) => d !== axis));
        expect(Array.from(r.dataSync())).toEqual(referenceSlice(values, shape, begin, size));
      });
      tf.dispose(rows);
    }
    // Booleans and an empty slice.
    const b = tf.tensor2d([true, false, true, true, false, false], [2, 3], 'bool');
    expect(Array.from(tf.slice(b, [0, 1], [2, 2]).dataSync())).toEqual([0, 1, 0, 0]);
    expect(tf.slice(x, [1, 0, 0], [0, 3, 5]).shape).toEqual([0, 3, 5]);
    tf.dispose([x, b]);
  });
});
