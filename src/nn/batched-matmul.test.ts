import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../engine/tf';
import { activateNodeBackend } from '../cli/node-backend';
import { createRng } from '../engine/rng';
import { batchedMatMul, matMul } from './batched-matmul';

/** [G, n, k] × [G, k, m] by loops in float64; a side with G = 1 is shared. */
function reference(a: Float32Array, aShape: number[], b: Float32Array, bShape: number[]): number[] {
  const [ga, n, k] = aShape as [number, number, number];
  const [gb, , m] = bShape as [number, number, number];
  const out: number[] = [];
  for (let g = 0; g < Math.max(ga, gb); g++) {
    const ao = (ga === 1 ? 0 : g) * n * k;
    const bo = (gb === 1 ? 0 : g) * k * m;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += a[ao + i * k + p]! * b[bo + p * m + j]!;
        out.push(s);
      }
  }
  return out;
}

const random = (n: number, seed: number) => {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.normal());
};

describe('batchedMatMul on wasm', () => {
  beforeAll(async () => {
    await activateNodeBackend('wasm');
  });

  const cases: Array<[number[], number[]]> = [
    [
      [4, 7, 5],
      [4, 5, 3],
    ],
    [
      [1, 2, 6],
      [3, 6, 4],
    ],
    [
      [3, 6, 2],
      [1, 2, 5],
    ],
    [
      [1, 3, 3],
      [1, 3, 2],
    ],
  ];
  for (const [aShape, bShape] of cases) {
    it(`[${aShape.join(',')}] × [${bShape.join(',')}] equals the loops, as 2-D products (a batch of 1 is one product, which tfjs-wasm runs in XNNPACK)`, async () => {
      const a = random(
        aShape.reduce((x, y) => x * y),
        1,
      );
      const b = random(
        bShape.reduce((x, y) => x * y),
        2,
      );
      const ta = tf.tensor3d(a, aShape as [number, number, number]);
      const tb = tf.tensor3d(b, bShape as [number, number, number]);
      let result: tf.Tensor | null = null;
      const profile = await tf.profile(() => {
        result = batchedMatMul(ta, tb);
        return result;
      });
      const out = result as unknown as tf.Tensor;
      expect(out.shape).toEqual([Math.max(aShape[0]!, bShape[0]!), aShape[1], bShape[2]]);
      const got = Array.from(out.dataSync());
      const want = reference(a, aShape, b, bShape);
      got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 4));
      const products = profile.kernels.filter((k) => k.name === 'BatchMatMul');
      expect(products.length).toBe(Math.max(aShape[0]!, bShape[0]!));
      const g = Math.max(aShape[0]!, bShape[0]!);
      if (g > 1) for (const k of products) expect(k.inputShapes.every((s) => s.length === 2)).toBe(true);
      tf.dispose([ta, tb, out]);
    });
  }

  it('refuses inputs that are not rank 3', () => {
    const m = tf.zeros([2, 2]);
    expect(() => batchedMatMul(m, m)).toThrow(/rank-3/);
    m.dispose();
  });

  for (const [aShape, bShape, transposeA, transposeB] of [
    [[5, 3], [5, 4], true, false],
    [[3, 5], [4, 5], false, true],
    [[5, 3], [4, 5], true, true],
    [[2, 5, 3], [2, 5, 4], true, false],
    [[2, 3, 5], [2, 4, 5], false, true],
  ] as Array<[number[], number[], boolean, boolean]>) {
    it(`matMul([${aShape.join(',')}], [${bShape.join(',')}], ${transposeA}, ${transposeB}) equals tf.matMul with the flags and hands tfjs no flag`, async () => {
      const ta = tf.tensor(
        random(
          aShape.reduce((x, y) => x * y),
          3,
        ),
        aShape,
      );
      const tb = tf.tensor(
        random(
          bShape.reduce((x, y) => x * y),
          4,
        ),
        bShape,
      );
      const seen: Array<Record<string, unknown>> = [];
      const engine = tf.engine() as unknown as { runKernel: (name: string, inputs: unknown, attrs: Record<string, unknown>) => unknown };
      const runKernel = engine.runKernel.bind(engine);
      engine.runKernel = (name, inputs, attrs) => {
        if (name === 'BatchMatMul') seen.push(attrs);
        return runKernel(name, inputs, attrs);
      };
      let out: tf.Tensor;
      try {
        out = matMul(ta, tb, transposeA, transposeB);
      } finally {
        engine.runKernel = runKernel;
      }
      const want = tf.matMul(ta, tb, transposeA, transposeB);
      expect(out.shape).toEqual(want.shape);
      const [got, expected] = [out.dataSync(), want.dataSync()];
      got.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 4));
      expect(seen.length).toBe(aShape.length === 3 ? aShape[0] : 1);
      for (const attrs of seen) expect([attrs.transposeA, attrs.transposeB]).toEqual([false, false]);
      tf.dispose([ta, tb, out, want]);
    });
  }
});
