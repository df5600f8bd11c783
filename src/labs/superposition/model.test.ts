import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../engine/tf';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { createRng } from '../../engine/rng';
import { activateNodeBackend } from '../../cli/node-backend';
import { nodeRunContext } from '../../cli/node-context';
import { countTensorsWhileTraining } from '../../engine/tensor-count';
import { createToyModel } from '../../nn/toy-model';
import { kernelsPerStep } from '../../engine/kernel-count';
import { superpositionLab } from '.';
import { defaultParams } from '../../engine/params';

beforeAll(async () => {
  await activateNodeBackend('wasm');
});

describe('toy model of superposition', () => {
  it('keeps the tensor count flat over 1,000 steps', async () => {
    const start = tf.memory().numTensors;
    const run = await superpositionLab.createRun({ ...defaultParams(superpositionLab.params), n: 20, m: 5 }, nodeRunContext(1));
    const counts = await countTensorsWhileTraining(run);
    expect(counts.afterTraining).toBe(counts.warmed);
    expect(counts.afterDispose).toBe(start);
  });

  it('frees everything it allocated on dispose', () => {
    const before = tf.memory().numTensors;
    const run = createToyModel(
      {
        models: 2,
        n: 4,
        m: 2,
        batch: 32,
        lr: 0.01,
        sparsity: [0.5, 0.5],
        importance: [
          [1, 1, 1, 1],
          [1, 1, 1, 1],
        ],
      },
      createRng(3),
    );
    run.step(5);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('takes the same first step as autodiff of the written-out loss', async () => {
    // With plain SGD semantics unavailable, compare Adam's first step: it moves every weight by
    // −lr·sign(g) (for |g| ≫ ε), so the signs of the hand-written gradient must match autodiff's.
    const cfg = { models: 1, n: 6, m: 2, batch: 64, lr: 1e-3, sparsity: [0.3], importance: [[1, 0.9, 0.8, 0.7, 0.6, 0.5]] };
    const run = createToyModel(cfg, createRng(11));
    const before = await run.snapshot();
    // Replay the model's own first batch: same seed → same pool and same draw.
    const rng = createRng(11);
    const poolBatches = Math.max(4, Math.ceil(32768 / cfg.batch));
    const batches: Float32Array[] = [];
    for (let i = 0; i < poolBatches; i++) {
      const d = new Float32Array(cfg.batch * cfg.n);
      for (let k = 0; k < d.length; k++) d[k] = rng.next() < 0.3 ? 0 : rng.next();
      batches.push(d);
    }
    for (let i = 0; i < cfg.m * cfg.n; i++) rng.normal(); // initial weights
    const x = tf.tensor2d(batches[rng.int(poolBatches)]!, [cfg.batch, cfg.n]);
    const W0 = tf.tensor2d(before.weights.W!.data, [cfg.m, cfg.n]);
    const b0 = tf.tensor1d(before.weights.b!.data);
    const I = tf.tensor1d(cfg.importance[0]!);
    const lossFn = (W: tf.Tensor, b: tf.Tensor) => {
      const out = tf.relu(tf.add(tf.matMul(tf.matMul(x, W, false, true), W), b));
      return tf.div<tf.Scalar>(tf.sum(tf.mul(I, tf.square(tf.sub(x, out)))), cfg.batch);
    };
    const [gW, gb] = tf.grads(lossFn)([W0, b0]);
    run.step(1);
    const after = await run.snapshot();
    const autoLoss = (await lossFn(W0, b0).data())[0]!;
    expect(after.loss).toBeCloseTo(autoLoss, 5);
    const gWd = await gW!.data();
    const gbd = await gb!.data();
    after.weights.W!.data.forEach((w, i) => {
      const moved = w - before.weights.W!.data[i]!;
      if (Math.abs(gWd[i]!) > 1e-5) expect(Math.sign(moved)).toBe(-Math.sign(gWd[i]!));
      expect(Math.abs(moved)).toBeLessThanOrEqual(cfg.lr * 1.001);
    });
    after.weights.b!.data.forEach((v, i) => {
      if (Math.abs(gbd[i]!) > 1e-5) expect(Math.sign(v)).toBe(-Math.sign(gbd[i]!));
    });
    run.dispose();
  });

  it('is deterministic for a seed', async () => {
    const params = { ...defaultParams(superpositionLab.params), seed: 5 };
    const a = await superpositionLab.createRun(params, nodeRunContext(5));
    const b = await superpositionLab.createRun(params, nodeRunContext(5));
    a.step(50);
    b.step(50);
    expect(Array.from((await a.snapshot()).weights.W!.data)).toEqual(Array.from((await b.snapshot()).weights.W!.data));
    a.dispose();
    b.dispose();
  });
});

describe('toy model: the variable split and gradient assembly as wasm heap kernels (nn/toy-model-wasm-kernels.ts)', () => {
  it('trains to the op-by-op graph’s weights bit for bit (100 steps, three models), in 17 kernels a step', async () => {
    const cfg = {
      models: 3,
      n: 20,
      m: 5,
      batch: 256,
      lr: 0.01,
      sparsity: [0, 0.9, 0.99],
      importance: [0, 1, 2].map(() => Array.from({ length: 20 }, (_, i) => 0.9 ** i)),
    };
    const after = async (heapKernels: boolean) => {
      const run = createToyModel(cfg, createRng(9), { heapKernels });
      const w0 = (await run.snapshot()).weights.W!.data;
      run.step(100);
      const snap = await run.snapshot();
      const kernels = await kernelsPerStep(run);
      run.dispose();
      return { w0, w: [...snap.weights.W!.data, ...snap.weights.b!.data], kernels };
    };
    const kernel = await after(true);
    const graph = await after(false);
    expect(Math.max(...Array.from(graph.w0, (v, i) => Math.abs(v - graph.w[i]!)))).toBeGreaterThan(0.1);
    expect(kernel.w).toEqual(graph.w);
    expect(graph.kernels).toBe(20);
    expect(kernel.kernels).toBe(17);
  });
});
