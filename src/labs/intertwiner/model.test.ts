import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../engine/tf';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { createRng } from '../../engine/rng';
import { defaultParams } from '../../engine/params';
import type { Params, Snapshot } from '../../engine/lab';
import { activateNodeBackend } from '../../cli/node-backend';
import { nodeRunContext } from '../../cli/node-context';
import { applyActivation } from '../../nn/activations';
import { MAP_KINDS } from '../../analysis/alignment';
import { activationBackward } from './activation-grads';
import { ACTIVATION_IDS, ACTIVATION_SPECS } from './activations';
import { fitTables } from './metrics';
import { intertwinerLab } from '.';
import { countTensorsWhileTraining } from '../../engine/tensor-count';

beforeAll(async () => {
  await activateNodeBackend('wasm');
});

const small: Params = { ...defaultParams(intertwinerLab.params), hidden: 16, batch: 64 };

describe('hand-written activation gradients', () => {
  it.each(ACTIVATION_IDS)('%s matches tfjs autodiff of the shared forward definition', async (id) => {
    const spec = ACTIVATION_SPECS[id];
    const rng = createRng(7);
    const values = Float32Array.from({ length: 2 * 5 * 6 }, (_, i) => (i === 3 ? 0.3 : rng.normal() * (i < 6 ? 1e-4 : 1.5)));
    const z = tf.tensor3d(values, [2, 5, 6]);
    const delta = tf.tensor3d(
      Float32Array.from({ length: 60 }, () => rng.normal()),
      [2, 5, 6],
    );
    const auto = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(applyActivation(spec, x), delta)))(z);
    const ours = activationBackward(spec, z, applyActivation(spec, z), delta);
    const [a, o] = [await auto.data(), await ours.data()];
    for (let i = 0; i < a.length; i++) expect(o[i]).toBeCloseTo(a[i]!, 4);
    tf.dispose([z, delta, auto, ours]);
  });
});

describe('intertwiner networks', () => {
  it('keeps the tensor count flat over many steps and snapshots, and frees everything on dispose', async () => {
    const start = tf.memory().numTensors;
    const run = await intertwinerLab.createRun({ ...small, activations: 'all' }, nodeRunContext(1));
    const counts = await countTensorsWhileTraining(run, { chunks: 20, snapshotEvery: 5 });
    expect(counts.afterTraining).toBe(counts.warmed);
    expect(counts.afterDispose).toBe(start);
  });

  it('the rotation null and the stitching layers (run on a repeated snapshot) keep the tensor count flat', async () => {
    const start = tf.memory().numTensors;
    const run = await intertwinerLab.createRun({ ...small, activations: 'all' }, nodeRunContext(2));
    const stoppedSnapshot = async () => {
      run.step(5);
      await run.loss();
      await run.snapshot();
      return run.snapshot(); // same step again: the run has stopped, so the null and stitching run
    };
    run.step(5);
    await run.loss();
    // A fit that does not stitch (a fresh snapshot of a running run) still has its rotation null…
    const unstitched = await run.snapshot();
    expect(unstitched.analysis!.stitchScore).toBeUndefined();
    expect(unstitched.analysis!.nullBand!.data.every(Number.isFinite)).toBe(true);
    // …the same as the fit that stitches at that step (the run stopped): it depends on the step's activations only.
    const stitchedNow = await run.snapshot();
    expect(stitchedNow.analysis!.stitchScore).toBeDefined();
    expect(Array.from(stitchedNow.analysis!.nullBand!.data)).toEqual(Array.from(unstitched.analysis!.nullBand!.data));
    const first = await stoppedSnapshot();
    expect(first.analysis!.stitchScore).toBeDefined();
    expect(first.analysis!.nullBand).toBeDefined();
    const warmed = tf.memory().numTensors;
    const again = await stoppedSnapshot();
    expect(again.analysis!.stitchInfo!.data[0]).toBe(again.step);
    expect(tf.memory().numTensors).toBe(warmed);
    run.dispose();
    expect(tf.memory().numTensors).toBe(start);
  }, 60_000);

  it('scales the initial weights by initScale, and weight decay shrinks them with a flat tensor count', async () => {
    const firstLayer = async (params: Params, steps: number) => {
      const run = await intertwinerLab.createRun(params, nodeRunContext(5));
      run.step(steps);
      const w = (await run.snapshot()).weights.p0!.data;
      run.dispose();
      return Math.sqrt(w.reduce((s, v) => s + v * v, 0));
    };
    const base = await firstLayer(small, 0);
    expect(await firstLayer({ ...small, initScale: 0.25 }, 0)).toBeCloseTo(base * 0.25, 3);
    const plain = await firstLayer({ ...small, lr: 1e-3 }, 20);
    const decayed = await firstLayer({ ...small, lr: 1e-3, weightDecay: 1 }, 20);
    expect(decayed).toBeLessThan(plain * 0.99);
    const start = tf.memory().numTensors;
    const run = await intertwinerLab.createRun({ ...small, weightDecay: 0.1 }, nodeRunContext(1));
    const counts = await countTensorsWhileTraining(run, { chunks: 10, snapshotEvery: 5 });
    expect(counts.afterTraining).toBe(counts.warmed);
    expect(counts.afterDispose).toBe(start);
  });

  it('trains: the loss falls and each classifier beats 80% held-out accuracy within 150 steps', async () => {
    const run = await intertwinerLab.createRun(small, nodeRunContext(3));
    run.step(1);
    const first = await run.loss();
    run.step(149);
    const last = await run.loss();
    expect(last).toBeLessThan(first * 0.4);
    const t = fitTables(await run.snapshot(), small)!;
    for (const [a, b] of t.own) {
      expect(a).toBeGreaterThan(0.8);
      expect(b).toBeGreaterThan(0.8);
    }
    run.dispose();
  });

  it('is deterministic for a seed and restores its weights', async () => {
    const a = await intertwinerLab.createRun(small, nodeRunContext(5));
    const b = await intertwinerLab.createRun(small, nodeRunContext(5));
    a.step(20);
    b.step(20);
    const sa = await a.snapshot();
    const sb = await b.snapshot();
    expect(Array.from(sa.weights.p2!.data)).toEqual(Array.from(sb.weights.p2!.data));
    expect(Array.from(sa.analysis!.residual!.data)).toEqual(Array.from(sb.analysis!.residual!.data));
    b.step(10);
    b.restore(sa);
    const sr = await b.snapshot();
    expect(sr.step).toBe(20);
    expect(Array.from(sr.weights.p0!.data)).toEqual(Array.from(sa.weights.p0!.data));
    a.dispose();
    b.dispose();
  });

  it('stitching a network onto an exact copy of itself: zero residual, and B’s own accuracy, for every map', async () => {
    const run = await intertwinerLab.createRun(small, nodeRunContext(9));
    run.step(60);
    const snap = await run.snapshot();
    // Make each network B an exact copy of its A.
    const copy: Snapshot = { step: snap.step, loss: snap.loss, weights: {} };
    const G = 4;
    const h = 16;
    for (const [key, t] of Object.entries(snap.weights)) {
      if (!/^p\d+$/.test(key)) continue;
      const data = t.data.slice();
      if (key === 'p0' || key === 'p1') {
        const rows = data.length / (G * h);
        for (let r = 0; r < rows; r++)
          for (let g = 1; g < G; g += 2) data.copyWithin(r * G * h + g * h, r * G * h + (g - 1) * h, r * G * h + g * h);
      } else {
        const per = data.length / G;
        for (let g = 1; g < G; g += 2) data.copyWithin(g * per, (g - 1) * per, g * per);
      }
      copy.weights[key] = { shape: t.shape, data };
    }
    run.restore(copy);
    const t = fitTables(await run.snapshot(), small)!;
    for (const layer of t.byLayer) {
      layer.residual.forEach((row, a) => {
        for (const k of ['identity', 'permutation', 'scaled-permutation', 'orthogonal', 'linear'] as const) {
          expect(row[MAP_KINDS.indexOf(k)]).toBeLessThan(1e-4);
        }
        for (const k of ['identity', 'permutation', 'orthogonal', 'linear'] as const) {
          expect(Math.abs(layer.stitched[a]![MAP_KINDS.indexOf(k)]! - t.own[a]![1])).toBeLessThanOrEqual(0.002);
        }
      });
    }
    expect(t.own[0]![0]).toBeCloseTo(t.own[0]![1], 6);
    run.dispose();
  });

  it('rejects an MNIST asset that is too small with a clear message', async () => {
    const ctx = {
      ...nodeRunContext(1),
      loadAsset: async () => {
        const b = new Uint8Array(16 + 10 + 10 * 784);
        b.set([77, 78, 83, 49]);
        new DataView(b.buffer).setUint32(4, 10, true);
        new DataView(b.buffer).setUint32(8, 28, true);
        new DataView(b.buffer).setUint32(12, 28, true);
        return b.buffer;
      },
    };
    await expect(intertwinerLab.createRun(small, ctx)).rejects.toThrow(/only 10 digits/);
  });
});
