import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../engine/tf';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { activateNodeBackend } from '../../cli/node-backend';
import { nodeRunContext } from '../../cli/node-context';
import { defaultParams } from '../../engine/params';
import { countTensorsWhileTraining } from '../../engine/tensor-count';
import { kernelsPerStep } from '../../engine/kernel-count';
import type { Snapshot } from '../../engine/lab';
import { createRng } from '../../engine/rng';
import { createPcaModel } from './model';
import { drawDistribution, drawSamples } from './data';
import { pcaLab } from '.';

beforeAll(async () => {
  await activateNodeBackend('wasm');
});

const params = defaultParams(pcaLab.params);

describe('pca model', () => {
  it('keeps the tensor count flat over 1,000 steps and frees everything on dispose', async () => {
    const start = tf.memory().numTensors;
    const run = await pcaLab.createRun(params, nodeRunContext(1));
    const counts = await countTensorsWhileTraining(run);
    expect(counts.afterTraining).toBe(counts.warmed);
    expect(counts.afterDispose).toBe(start);
  });

  it('is deterministic per seed, and another seed differs', async () => {
    const weightsAfter = async (seed: number) => {
      const run = await pcaLab.createRun({ ...params, seed }, nodeRunContext(seed));
      run.step(50);
      const snap = await run.snapshot();
      run.dispose();
      return [...snap.weights.W1!.data, ...snap.weights.W2!.data];
    };
    const a = await weightsAfter(5);
    expect(await weightsAfter(5)).toEqual(a);
    expect(await weightsAfter(6)).not.toEqual(a);
  });

  it('draws data with the stated covariance', () => {
    const data = drawDistribution(4, 0.5, createRng(2));
    const n = 20000;
    const x = drawSamples(data, n, createRng(3));
    // Variance along u_i is λ_i.
    for (let i = 0; i < 4; i++) {
      let s = 0;
      for (let r = 0; r < n; r++) {
        let p = 0;
        for (let c = 0; c < 4; c++) p += x[r * 4 + c]! * data.basis[i * 4 + c]!;
        s += p * p;
      }
      expect(s / n).toBeCloseTo(data.lambda[i]!, 1);
    }
  });

  it('takes the first step autodiff of the written-out loss would (Adam moves each weight by −lr·sign g)', async () => {
    const cfg = { d: 5, k: 2, samples: 64, batch: 64, lr: 1e-3 };
    const data = drawDistribution(5, 0.6, createRng(7));
    const run = createPcaModel(cfg, data, createRng(8));
    const before = await run.snapshot();
    // Replay the model's own draws: the pool (one batch), the initial weights, then the pick.
    const rng = createRng(8);
    const x = tf.tensor2d(drawSamples(data, 64, rng), [64, 5]);
    const W1 = tf.tensor2d(before.weights.W1!.data, [2, 5]);
    const W2 = tf.tensor2d(before.weights.W2!.data, [5, 2]);
    const lossFn = (a: tf.Tensor, b: tf.Tensor) =>
      tf.div<tf.Scalar>(tf.sum(tf.square(tf.sub(tf.matMul(tf.matMul(x, a, false, true), b, false, true), x))), 64);
    const [g1, g2] = tf.grads(lossFn)([W1, W2]);
    run.step(1);
    const after = await run.snapshot();
    const check = async (g: tf.Tensor, w0: Float32Array, w1: Float32Array) => {
      const gd = await g.data();
      for (let i = 0; i < gd.length; i++) if (Math.abs(gd[i]!) > 1e-4) expect(w1[i]! - w0[i]!).toBeCloseTo(-1e-3 * Math.sign(gd[i]!), 5);
    };
    await check(g1!, before.weights.W1!.data, after.weights.W1!.data);
    await check(g2!, before.weights.W2!.data, after.weights.W2!.data);
    expect(await run.loss()).toBeCloseTo((await lossFn(W1, W2).data())[0]!, 4);
    tf.dispose([x, W1, W2, g1!, g2!]);
    run.dispose();
  });
});

describe('pca model: forward and backward as one wasm kernel (model-step-wasm.ts)', () => {
  it('trains to the op-by-op graph’s weights and loss (100 steps of top-3), in 2 kernels a step', async () => {
    const cfg = { d: 8, k: 3, samples: 8192, batch: 256, lr: 0.01 };
    const data = drawDistribution(8, 0.5, createRng(4));
    const weights = (s: Snapshot) => [...s.weights.W1!.data, ...s.weights.W2!.data];
    const after = async (stepKernel: boolean) => {
      const run = createPcaModel(cfg, data, createRng(6), { stepKernel });
      const w0 = weights(await run.snapshot());
      run.step(100);
      const w = weights(await run.snapshot());
      const loss = await run.loss();
      const kernels = stepKernel ? await kernelsPerStep(run) : NaN;
      run.dispose();
      return { w, w0, loss, kernels };
    };
    const kernel = await after(true);
    const graph = await after(false);
    expect(Math.max(...graph.w.map((v, i) => Math.abs(v - graph.w0[i]!)))).toBeGreaterThan(0.1);
    expect(Math.max(...graph.w.map((v, i) => Math.abs(v - kernel.w[i]!)))).toBeLessThanOrEqual(1e-4);
    expect(kernel.loss).toBeCloseTo(graph.loss, 4);
    expect(kernel.kernels).toBe(2);
  });
});
