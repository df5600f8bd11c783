import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../engine/tf';
import { activateNodeBackend } from '../cli/node-backend';
import { gatherRows } from './gather-rows';

describe('gatherRows', () => {
  beforeAll(async () => {
    await activateNodeBackend('wasm');
  });

  it('equals tf.gather on axis 0 (repeats, any order, rank 3) in one kernel of its own on wasm', async () => {
    const x = tf.tensor3d(
      Float32Array.from({ length: 5 * 2 * 3 }, (_, i) => i * 0.5 - 3),
      [5, 2, 3],
    );
    const rows = Int32Array.from([4, 0, 4, 2]);
    let got: tf.Tensor | null = null;
    const profile = await tf.profile(() => {
      got = gatherRows(x, rows);
      return got;
    });
    const out = got as unknown as tf.Tensor;
    const want = tf.gather(x, tf.tensor1d(rows, 'int32'));
    expect(out.shape).toEqual([4, 2, 3]);
    expect(Array.from(out.dataSync())).toEqual(Array.from(want.dataSync()));
    expect(profile.kernels.map((k) => k.name)).toEqual(['GeometryLabGatherRows']);
    tf.dispose([x, out, want]);
  });

  it('refuses an index outside the rows', () => {
    const x = tf.zeros([3, 2]);
    expect(() => gatherRows(x, Int32Array.from([0, 3]))).toThrow(/outside/);
    expect(() => gatherRows(x, Int32Array.from([-1]))).toThrow(/outside/);
    x.dispose();
  });
});
