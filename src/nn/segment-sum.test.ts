import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../engine/tf';
import { activateNodeBackend } from '../cli/node-backend';
import { createRng } from '../engine/rng';
import { segmentSum } from './segment-sum';

beforeAll(async () => {
  await activateNodeBackend('wasm');
});

/** The sums in float32, each output row adding its entries in list order. */
function reference(table: Float32Array, width: number, indices: Int32Array, segments: Int32Array, outRows: number): Float32Array {
  const out = new Float32Array(outRows * width);
  indices.forEach((i, k) => {
    for (let j = 0; j < width; j++) out[segments[k]! * width + j] = Math.fround(out[segments[k]! * width + j]! + table[i * width + j]!);
  });
  return out;
}

describe('segmentSum', () => {
  // Width 32: the SIMD loop; width 6: JavaScript. Segments sorted (the encoder) and not (any order).
  for (const [width, sorted] of [
    [32, true],
    [32, false],
    [6, true],
  ] as Array<[number, boolean]>) {
    it(`equals the sums in list order bit for bit, width ${width}, segments ${sorted ? 'sorted' : 'in any order'}, with empty output rows`, async () => {
      const rng = createRng(width + (sorted ? 1 : 0));
      const [rows, outRows, count] = [40, 25, 300];
      const table = Float32Array.from({ length: rows * width }, () => rng.normal());
      const indices = Int32Array.from({ length: count }, () => rng.int(rows));
      const segments = Int32Array.from({ length: count }, () => rng.int(outRows - 3)); // the last three rows stay empty
      if (sorted) segments.sort();
      const t = tf.tensor2d(table, [rows, width]);
      const [i, s] = [tf.tensor1d(indices, 'int32'), tf.tensor1d(segments, 'int32')];
      let got: tf.Tensor | null = null;
      const profile = await tf.profile(() => {
        got = segmentSum(t, i, s, outRows);
        return got;
      });
      const out = got as unknown as tf.Tensor;
      expect(out.shape).toEqual([outRows, width]);
      expect(Array.from(out.dataSync())).toEqual(Array.from(reference(table, width, indices, segments, outRows)));
      expect(profile.kernels.map((k) => k.name)).toEqual(['GeometryLabSegmentSum']);
      if (sorted) {
        // tfjs's own kernel on the same lists (it sizes its output from the last segment).
        const last = segments[count - 1]! + 1;
        const theirs = tf.sparse.sparseSegmentSum(t, i, s);
        expect(Array.from(theirs.dataSync())).toEqual(Array.from(out.dataSync().subarray(0, last * width)));
        theirs.dispose();
      }
      tf.dispose([t, i, s, out]);
    });
  }

  it('refuses an index or a segment outside its range', () => {
    const t = tf.zeros([3, 4]);
    const ok = tf.tensor1d([0, 1], 'int32');
    const bad = tf.tensor1d([0, 3], 'int32');
    expect(() => segmentSum(t, bad, ok, 2)).toThrow(/index 3/);
    expect(() => segmentSum(t, ok, bad, 2)).toThrow(/segment 3/);
    tf.dispose([t, ok, bad]);
  });
});
