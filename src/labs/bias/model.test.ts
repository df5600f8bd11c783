import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../engine/tf';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { createRng } from '../../engine/rng';
import { activateNodeBackend } from '../../cli/node-backend';
import { nodeRunContext } from '../../cli/node-context';
import { defaultParams } from '../../engine/params';
import { featureSet, labelsOf, sampleBatch } from './features';
import { mlpForward, mlpGradients } from './model';
import { biasLab } from '.';
import { biasMetrics, ignoredSettings } from './metrics';
import { countTensorsWhileTraining } from '../../engine/tensor-count';

beforeAll(async () => {
  await activateNodeBackend('wasm');
});

const small = { ...defaultParams(biasLab.params), width: 16, rep: 8, batch: 32 };

describe('bias data', () => {
  it('labels match the bits, features read disjoint bits, prevalence is honoured', () => {
    const spec = featureSet({ inputs: 32, k: 3, mod: 3, prevalence: 0.1, prevalenceOf: 'parity' });
    expect(spec.features.map((f) => [f.offset, f.bits])).toEqual([
      [0, 1],
      [1, 3],
      [4, 4],
    ]);
    const b = sampleBatch(spec, 4000, createRng(2));
    expect(Array.from(labelsOf(spec, b.x, b.count))).toEqual(Array.from(b.y));
    const rate = (f: number) => b.y.filter((_, i) => i % 3 === f).reduce((s, v) => s + v, 0) / 4000;
    expect(rate(0)).toBeCloseTo(0.5, 1);
    expect(rate(1)).toBeCloseTo(0.1, 1);
    expect(rate(2)).toBeCloseTo(0.5, 1);
    // Distractor bits stay uniform.
    let ones = 0;
    for (let i = 0; i < 4000; i++) ones += b.x[i * 32 + 20]!;
    expect(ones / 4000).toBeCloseTo(0.5, 1);
    expect(() => featureSet({ inputs: 4, k: 4, mod: 0, prevalence: 0.5, prevalenceOf: 'linear' })).toThrow(/need 5 input bits/);
  });

  it('names settings that refer to a missing feature', () => {
    expect(ignoredSettings({ ...small, first: 'mod', mod: 0 })).toHaveLength(1);
    expect(ignoredSettings({ ...small, first: 'parity' })).toHaveLength(0);
  });
});

describe('bias MLP', () => {
  for (const activation of ['relu', 'tanh', 'elu', 'sigmoid'] as const) {
    for (const loss of ['bce', 'mse'] as const) {
      it(`hand-written gradients equal autodiff (${activation}, ${loss})`, async () => {
        const rng = createRng(7);
        const sizes = [6, 5, 4, 3, 2];
        const params: tf.Tensor[] = [];
        for (let l = 0; l < 4; l++) {
          params.push(tf.randomNormal([sizes[l]!, sizes[l + 1]!], 0, 0.8, 'float32', 10 + l));
          params.push(tf.randomNormal([1, sizes[l + 1]!], 0, 0.3, 'float32', 20 + l));
        }
        const B = 9;
        const x = tf.tensor2d(
          Float32Array.from({ length: B * 6 }, () => (rng.next() < 0.5 ? 1 : 0)),
          [B, 6],
        );
        const y = tf.tensor2d(
          Float32Array.from({ length: B * 2 }, () => (rng.next() < 0.5 ? 1 : 0)),
          [B, 2],
        );
        const w = tf.tensor2d([[0.7 / B, 1.3 / B]]);
        const { grads, loss: value } = mlpGradients(params, x, tf.transpose(x), y, w, tf.ones([1, B]), activation, loss, true);
        const f = (...ps: tf.Tensor[]) => {
          const z = mlpForward(ps, x, activation)[3]!;
          const per =
            loss === 'bce'
              ? tf.losses.sigmoidCrossEntropy(y, z, undefined, 0, tf.Reduction.NONE)
              : tf.square(tf.sub(z, tf.sub(tf.mul(y, 2), 1)));
          return tf.sum<tf.Scalar>(tf.mul(per, w));
        };
        const auto = tf.grads(f)(params);
        expect((await value!.data())[0]).toBeCloseTo((await f(...params).data())[0]!, 5);
        for (let i = 0; i < params.length; i++) {
          const a = await grads[i]!.data();
          const b = await auto[i]!.data();
          a.forEach((v, j) => expect(v).toBeCloseTo(b[j]!, 5));
        }
      });
    }
  }

  it('keeps the tensor count flat over 1,000 steps and frees everything on dispose', async () => {
    const start = tf.memory().numTensors;
    const run = await biasLab.createRun({ ...small, first: 'linear', firstSteps: 500 }, nodeRunContext(1));
    const counts = await countTensorsWhileTraining(run);
    expect(counts.afterTraining).toBe(counts.warmed);
    expect(counts.afterDispose).toBe(start);
  });

  it('is deterministic for a seed, records history, and restores a snapshot', async () => {
    const a = await biasLab.createRun(small, nodeRunContext(5));
    const b = await biasLab.createRun(small, nodeRunContext(5));
    a.step(30);
    b.step(30);
    const sa = await a.snapshot();
    const sb = await b.snapshot();
    expect(Array.from(sa.weights.W2!.data)).toEqual(Array.from(sb.weights.W2!.data));
    expect(Array.from(sa.analysis!.r2!.data)).toEqual(Array.from(sb.analysis!.r2!.data));
    a.step(20);
    const later = await a.snapshot();
    expect(Array.from(later.analysis!.histStep!.data)).toEqual([30, 50]);
    expect(later.analysis!.histR2!.shape).toEqual([2, 3, 2]);
    const m = biasMetrics(later, small) as {
      varianceExplained: Record<string, number>;
      accuracy: Record<string, number>;
      probeStep: number;
      scoredStep: number;
    };
    expect(Object.keys(m.varianceExplained)).toEqual(['linear', 'parity']);
    expect(m.probeStep).toBe(50);
    // The XOR is not learned after 50 steps, so nothing is scored yet.
    expect(m.scoredStep).toBeNaN();
    expect(m.varianceExplained.parity).toBeNaN();
    for (const v of Object.values(m.accuracy)) {
      expect(v).toBeGreaterThanOrEqual(0.4); // a probe accuracy after 50 steps: at least near chance, never NaN
      expect(v).toBeLessThanOrEqual(1);
    }
    a.restore(sa);
    const back = await a.snapshot();
    expect(back.step).toBe(30);
    expect(Array.from(back.weights.W2!.data)).toEqual(Array.from(sa.weights.W2!.data));
    expect(Array.from(back.analysis!.r2!.data)).toEqual(Array.from(sa.analysis!.r2!.data));
    expect(Array.from(back.analysis!.histStep!.data)).toEqual([30]);
    a.dispose();
    b.dispose();
  });
});
