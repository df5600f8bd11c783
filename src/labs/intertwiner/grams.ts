/** Pair statistics of two networks' hidden layers, computed on the tfjs backend and read back once. */
import { tf, type Tensor } from '../../engine/tf';
import { mat } from '../../analysis/alignment';
import { matMul } from '../../nn/batched-matmul';
import type { PairGram } from '../../analysis/pair-gram';

/** Statistics of rows [from, from + n) of H_A, H_B ([N, d] each): one [2d, 2d] Gram matrix of the centred [H_A | H_B]. */
async function gramOfRows(ha: Tensor, hb: Tensor, d: number, from: number, n: number): Promise<PairGram | null> {
  const [gram, means] = tf.tidy((): [Tensor, Tensor] => {
    const both = tf.concat([tf.slice(ha, [from, 0], [n, d]), tf.slice(hb, [from, 0], [n, d])], 1);
    const mean = tf.div(tf.matMul(tf.ones([1, n]), both), n);
    const c = tf.sub(both, mean);
    return [matMul(c, c, true, false), mean];
  });
  const g = (await gram.data()) as Float32Array;
  const m = (await means.data()) as Float32Array;
  tf.dispose([gram, means]);
  if (!g.every(Number.isFinite) || !m.every(Number.isFinite)) return null;
  const w = 2 * d;
  const block = (r0: number, c0: number) => {
    const out = mat(d, d);
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) out.data[i * d + j] = g[(r0 + i) * w + c0 + j]!;
    return out;
  };
  return {
    n,
    meanA: Float64Array.from(m.subarray(0, d)),
    meanB: Float64Array.from(m.subarray(d)),
    aa: block(0, 0),
    ab: block(0, d),
    bb: block(d, d),
  };
}

/** The probe set's statistics (maps are fitted there) and the held-out set's (maps are scored there). */
export async function probeAndHeldGrams(
  ha: Tensor,
  hb: Tensor,
  d: number,
  probe: number,
  held: number,
): Promise<{ probe: PairGram; held: PairGram } | null> {
  const p = await gramOfRows(ha, hb, d, 0, probe);
  const h = p ? await gramOfRows(ha, hb, d, probe, held) : null;
  return p && h ? { probe: p, held: h } : null;
}
