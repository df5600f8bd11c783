/**
 * Rows of a matrix by index, tf.gather(x, rows) on axis 0. On wasm a heap kernel copies the rows
 * (wasm-heap-kernel.ts): tfjs-wasm's GatherV2 took 2 ms for 256 rows of [1000, 64] (1.3 ms for 64
 * rows of [8000, 784]), about a thousand times a plain copy's cost.
 */
import { tf, type Tensor } from '../engine/tf';
import { runHeapKernel, type HeapKernel } from './wasm-heap-kernel';

interface GatherAttrs {
  rows: Int32Array;
}

const gatherRowsKernel: HeapKernel<GatherAttrs> = {
  name: 'GeometryLabGatherRows',
  inputs: ['x'],
  outputShapes: ([x], { rows }) => [[rows.length, ...x!.shape.slice(1)]],
  run([x], [out], { rows }) {
    const d = out!.length / Math.max(1, rows.length);
    for (let k = 0; k < rows.length; k++) out!.set(x!.subarray(rows[k]! * d, rows[k]! * d + d), k * d);
  },
};

/** x[rows[0]], x[rows[1]], … as a [rows.length, …] tensor; every index must lie in [0, x.shape[0]). */
export function gatherRows(x: Tensor, rows: Int32Array): Tensor {
  const n = x.shape[0] ?? 0;
  for (const r of rows) if (!(r >= 0 && r < n)) throw new Error(`gatherRows: row ${r} outside [0, ${n})`);
  if (tf.getBackend() !== 'wasm' || x.dtype !== 'float32') return tf.tidy(() => tf.gather(x, tf.tensor1d(rows, 'int32')));
  return runHeapKernel(gatherRowsKernel, { x }, { rows })[0]!;
}
