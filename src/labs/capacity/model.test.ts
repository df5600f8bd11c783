import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../engine/tf';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { createRng } from '../../engine/rng';
import { activateNodeBackend } from '../../cli/node-backend';
import { nodeRunContext } from '../../cli/node-context';
import { defaultParams } from '../../engine/params';
import { generatorForKurtosis } from '../../analysis/kurtosis';
import { fillSamples } from '../../data/kurtosis-inputs';
import { createQuadraticModel, poolBatchCount } from './model';
import { capacityLab } from '.';
import { countTensorsWhileTraining } from '../../engine/tensor-count';
import { kernelsPerStep } from '../../engine/kernel-count';

beforeAll(async () => {
  await activateNodeBackend('wasm');
});

describe('quadratic capacity model', () => {
  it('keeps the tensor count flat over 1,000 steps (quadratic and relu)', async () => {
    for (const model of ['quadratic', 'relu']) {
      const start = tf.memory().numTensors;
      const run = await capacityLab.createRun({ ...defaultParams(capacityLab.params), model }, nodeRunContext(1));
      const counts = await countTensorsWhileTraining(run);
      expect(counts.afterTraining).toBe(counts.warmed);
      expect(counts.afterDispose).toBe(start);
    }
  });

  it('frees everything it allocated on dispose', () => {
    const before = tf.memory().numTensors;
    const inputs = [generatorForKurtosis('power', 2), generatorForKurtosis('sparse', 6)];
    const run = createQuadraticModel(
      {
        models: 2,
        n: 4,
        m: 2,
        batch: 32,
        lr: 0.01,
        inputs,
        importance: [
          [1, 1, 1, 1],
          [1, 0.5, 0.2, 0.1],
        ],
      },
      createRng(3),
    );
    run.step(5);
    run.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('computes the batch loss and takes the first Adam step of autodiff’s gradient', async () => {
    const cfg = {
      models: 1,
      n: 5,
      m: 2,
      batch: 64,
      lr: 1e-3,
      inputs: [generatorForKurtosis('power', 4)],
      importance: [[1, 0.9, 0.8, 0.7, 0.6]],
    };
    const run = createQuadraticModel(cfg, createRng(11));
    const before = await run.snapshot();
    // Replay the model's own pool and first draw from the same seed.
    const rng = createRng(11);
    const batches = Array.from({ length: poolBatchCount(cfg) }, () =>
      fillSamples(new Float32Array(cfg.batch * cfg.n), cfg.inputs[0]!, rng),
    );
    for (let i = 0; i < cfg.m * cfg.n; i++) rng.normal();
    const xs = batches[rng.int(batches.length)]!;
    const x = tf.tensor2d(xs, [cfg.batch, cfg.n]);
    const v = tf.tensor2d(cfg.importance[0]!, [cfg.n, 1]);
    const y = tf.matMul(tf.square(x), v);
    const W0 = tf.tensor2d(before.weights.W!.data, [cfg.m, cfg.n]);
    const b0 = tf.scalar(before.weights.b!.data[0]!);
    const lossFn = (W: tf.Tensor, b: tf.Tensor) => {
      const yHat = tf.add(tf.sum(tf.square(tf.matMul(x, W, false, true)), 1, true), b);
      return tf.mean<tf.Scalar>(tf.square(tf.sub(yHat, y)));
    };
    const [gW, gb] = tf.grads(lossFn)([W0, b0]);
    run.step(1);
    const after = await run.snapshot();
    expect(after.loss).toBeCloseTo((await lossFn(W0, b0).data())[0]!, 3);
    const gWd = await gW!.data();
    let moved = 0;
    after.weights.W!.data.forEach((w, i) => {
      const d = w - before.weights.W!.data[i]!;
      if (Math.abs(gWd[i]!) > 1e-4) {
        expect(Math.sign(d)).toBe(-Math.sign(gWd[i]!));
        moved++;
      }
      expect(Math.abs(d)).toBeLessThanOrEqual(cfg.lr * 1.001);
    });
    expect(moved).toBeGreaterThan(5);
    const gbd = (await gb!.data())[0]!;
    expect(Math.sign(after.weights.b!.data[0]! - before.weights.b!.data[0]!)).toBe(-Math.sign(gbd));
    tf.dispose([x, v, y, W0, b0, gW!, gb!]);
    run.dispose();
  });

  it('is deterministic for a seed and restores a snapshot', async () => {
    const params = { ...defaultParams(capacityLab.params), seed: 5 };
    const a = await capacityLab.createRun(params, nodeRunContext(5));
    const b = await capacityLab.createRun(params, nodeRunContext(5));
    a.step(50);
    b.step(50);
    const sa = await a.snapshot();
    expect(Array.from(sa.weights.W!.data)).toEqual(Array.from((await b.snapshot()).weights.W!.data));
    b.step(50);
    b.restore(sa);
    const sb = await b.snapshot();
    expect(Array.from(sb.weights.W!.data)).toEqual(Array.from(sa.weights.W!.data));
    expect(sb.step).toBe(50);
    a.dispose();
    b.dispose();
  });
});

describe('quadratic model: the element-wise middle as one wasm kernel (model-head-wasm.ts)', () => {
  const cfg = {
    models: 3,
    n: 20,
    m: 5,
    batch: 256,
    lr: 0.01,
    inputs: [generatorForKurtosis('power', 8), generatorForKurtosis('power', 3), generatorForKurtosis('sparse', 6)],
    importance: [0, 1, 2].map((g) => Array.from({ length: 20 }, (_, i) => (0.8 + 0.05 * g) ** i)),
  };

  it('trains to the op-by-op graph’s weights (100 steps, three models) in 6 kernels a step', async () => {
    const weightsAfter = async (headKernel: boolean) => {
      const run = createQuadraticModel(cfg, createRng(5), { headKernel });
      run.step(100);
      const snap = await run.snapshot();
      const loss = await run.lossPerModel();
      const kernels = headKernel ? await kernelsPerStep(run) : NaN;
      run.dispose();
      return { w: [...snap.weights.W!.data, ...snap.weights.b!.data], loss: [...loss], kernels };
    };
    const kernel = await weightsAfter(true);
    const graph = await weightsAfter(false);
    const start = createQuadraticModel(cfg, createRng(5), { headKernel: false });
    const initial = await start.snapshot();
    start.dispose();
    const w0 = [...initial.weights.W!.data, ...initial.weights.b!.data];
    const moved = Math.max(...graph.w.map((v, i) => Math.abs(v - w0[i]!)));
    const diff = Math.max(...graph.w.map((v, i) => Math.abs(v - kernel.w[i]!)));
    expect(moved).toBeGreaterThan(0.1);
    expect(diff).toBeLessThanOrEqual(1e-4);
    kernel.loss.forEach((l, g) => expect(l).toBeCloseTo(graph.loss[g]!, 3));
    expect(kernel.kernels).toBe(6); // transpose, matMul, the heap kernel, transpose, matMul, Adam
  });
});
