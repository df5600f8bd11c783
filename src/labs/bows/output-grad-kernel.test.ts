import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../engine/tf';
import { activateNodeBackend } from '../../cli/node-backend';
import { createRng } from '../../engine/rng';
import { bowsOutputGrad, bowsOutputGradKernel } from './output-grad-kernel';

beforeAll(async () => {
  await activateNodeBackend('wasm');
});

/** hW, b, and bags with about a fifth of the entries 1, as the (row, word) list sorted by row. */
function problem(B: number, V: number, seed: number) {
  const rng = createRng(seed);
  const hW = Float32Array.from({ length: B * V }, () => rng.normal() * 0.5 - 0.1);
  const b = Float32Array.from({ length: V }, () => rng.normal() * 0.1);
  const rows: number[] = [];
  const words: number[] = [];
  const dense = new Float32Array(B * V);
  for (let r = 0; r < B; r++)
    for (let v = 0; v < V; v++)
      if (rng.next() < 0.2) {
        rows.push(r);
        words.push(v);
        dense[r * V + v] = 1;
      }
  return { hW, b, dense, attrs: { rows: Int32Array.from(rows), words: Int32Array.from(words), scale: 2 / (B * V) } };
}

describe("bows' output kernel", () => {
  // 256 × 500: the bench preset; 13 × 10: rows and columns past the 4 × 4 blocks; 3 × 3: no block at all.
  for (const [B, V] of [
    [256, 500],
    [13, 10],
    [3, 3],
  ] as Array<[number, number]>) {
    it(`equals the op-by-op graph at B = ${B}, V = ${V}: ∂L/∂pre, its transpose and ∂L/∂b bit for bit, the loss to 1e-5`, async () => {
      const { hW, b, dense, attrs } = problem(B, V, B + V);
      const tHW = tf.tensor2d(hW, [B, V]);
      const tB = tf.tensor2d(b, [1, V]);
      const x = tf.tensor2d(dense, [B, V]);
      const out = bowsOutputGrad(tHW, tB, attrs);
      const [gPre, loss] = tf.tidy((): [tf.Tensor, tf.Tensor] => {
        const pre = tf.add(tHW, tB);
        const diff = tf.sub(tf.relu(pre), x);
        const g = tf.mul(tf.mul(diff, tf.step(pre)), tf.scalar(attrs.scale));
        return [g, tf.mean(tf.square(diff))];
      });
      expect(out.gPre.shape).toEqual([B, V]);
      expect(out.gPreT.shape).toEqual([V, B]);
      expect(out.gb.shape).toEqual([1, V]);
      expect(out.loss.shape).toEqual([]);
      const want = gPre.dataSync();
      const got = out.gPre.dataSync();
      const gotT = out.gPreT.dataSync();
      let unequal = 0;
      for (let r = 0; r < B; r++)
        for (let v = 0; v < V; v++) {
          if (got[r * V + v] !== want[r * V + v]) unequal++;
          if (gotT[v * B + r] !== want[r * V + v]) unequal++;
        }
      expect(unequal).toBe(0);
      // ∂L/∂b: each column's rows added in order in float32, as the graph's [1, B] × [B, V] product of ones does.
      const gbGot = out.gb.dataSync();
      const ones = tf.ones([1, B]);
      const viaProduct = tf.matMul(ones, gPre);
      const productSums = viaProduct.dataSync();
      for (let v = 0; v < V; v++) {
        let sum = 0;
        for (let r = 0; r < B; r++) sum = Math.fround(sum + want[r * V + v]!);
        expect(gbGot[v]).toBe(sum);
        expect(productSums[v]).toBe(sum);
      }
      tf.dispose([ones, viaProduct]);
      expect(Math.abs(out.loss.dataSync()[0]! - loss.dataSync()[0]!)).toBeLessThan(1e-5 * loss.dataSync()[0]!);
      tf.dispose([tHW, tB, x, out.gPre, out.gPreT, out.gb, out.loss, gPre, loss]);
    });
  }

  it('its SIMD pass and its JavaScript pass give the same numbers bit for bit', () => {
    const [B, V] = [14, 11];
    const { hW, b, attrs } = problem(B, V, 7);
    // Outside the wasm heap the kernel runs in JavaScript only.
    const outs = [new Float32Array(B * V), new Float32Array(B * V), new Float32Array(V), new Float32Array(1)];
    bowsOutputGradKernel.run([hW, b], outs, attrs);
    const viaTf = bowsOutputGrad(tf.tensor2d(hW, [B, V]), tf.tensor2d(b, [1, V]), attrs);
    expect(Array.from(viaTf.gPre.dataSync())).toEqual(Array.from(outs[0]!));
    expect(Array.from(viaTf.gPreT.dataSync())).toEqual(Array.from(outs[1]!));
    expect(Array.from(viaTf.gb.dataSync())).toEqual(Array.from(outs[2]!));
    expect(viaTf.loss.dataSync()[0]).toBeCloseTo(outs[3]![0]!, 6);
    tf.dispose([viaTf.gPre, viaTf.gPreT, viaTf.gb, viaTf.loss]);
  });
});
