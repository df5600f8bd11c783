import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../engine/tf';
import { createRng } from '../../engine/rng';
import { activateNodeBackend } from '../../cli/node-backend';
import { nodeRunContext } from '../../cli/node-context';
import { defaultParams } from '../../engine/params';
import { applyActivationValue, type ActivationSpec } from '../../analysis/activation-values';
import { activationGrad, applyActivation, basisTensor } from '../../nn/activations';
import { thomsonDirections } from '../../analysis/thomson';
import { createAutoencoder } from './model';
import { continuousSamples } from '../../data/continuous';
import { spotlightLab } from '.';

beforeAll(async () => {
  await activateNodeBackend('wasm');
});

const specs: Array<[string, ActivationSpec]> = [
  ['tanh', { kind: 'elementwise', fn: 'tanh', basis: null }],
  ['leaky-relu', { kind: 'elementwise', fn: 'leaky-relu', basis: null }],
  ['gelu', { kind: 'elementwise', fn: 'gelu', basis: null }],
  ['sigmoid', { kind: 'elementwise', fn: 'sigmoid', basis: null }],
  ['tanh-thomson', { kind: 'elementwise', fn: 'tanh', basis: thomsonDirections(6, 3, createRng(2)) }],
  ['iso-tanh', { kind: 'isotropic', fn: 'tanh' }],
  ['iso-leaky-relu', { kind: 'isotropic', fn: 'leaky-relu' }],
];

describe('spotlight autoencoder', () => {
  it.each(specs)('%s: the hand-written activation gradient equals central differences', async (_n, spec) => {
    const rows = [
      [0.3, -1.2, 2.0],
      [0.0004, 0.0001, -0.0002],
      [-0.6, 0.5, 0.25],
      [1.5, 0.2, -0.1],
      [0.4, -0.3, 0.5],
    ];
    const ups = [
      [1, -2, 0.5],
      [0.3, 0.3, 0.3],
      [-1, 0.2, 2],
      [0.7, -0.4, 1.1],
      [0.2, 1, -0.5],
    ];
    const x = tf.tensor2d(rows);
    const up = tf.tensor2d(ups);
    const bt = spec.kind === 'elementwise' && spec.basis ? basisTensor(spec.basis) : null;
    const basis = bt ? { b: bt, bT: tf.transpose(bt) } : undefined;
    const y = applyActivation(spec, x, basis);
    const hand = activationGrad(spec, x, y, up, basis);
    const h = await hand.data();
    const eps = 1e-6;
    rows.forEach((r, i) => {
      for (let c = 0; c < 3; c++) {
        const plus = applyActivationValue(
          spec,
          r.map((v, j) => (j === c ? v + eps : v)),
        );
        const minus = applyActivationValue(
          spec,
          r.map((v, j) => (j === c ? v - eps : v)),
        );
        let numeric = 0;
        for (let j = 0; j < 3; j++) numeric += ((plus[j]! - minus[j]!) / (2 * eps)) * ups[i]![j]!;
        expect(h[i * 3 + c]).toBeCloseTo(numeric, 3);
      }
    });
    tf.dispose([x, up, y, hand, ...(bt ? [bt, basis!.bT] : [])]);
  });

  it('training lowers the loss of every model, and tensors stay flat over many steps', async () => {
    const start = tf.memory().numTensors;
    const rng = createRng(4);
    const d = 12;
    const run = createAutoencoder(
      {
        inputDim: d,
        hidden: 8,
        k: 3,
        batch: 32,
        lr: 1e-2,
        activations: specs.slice(4).map(([, s]) => s),
        train: continuousSamples('gaussian', 512, d, rng),
        probe: continuousSamples('ball', 64, d, rng),
        epsilon: 0.9,
        maxPlanes: 12,
      },
      rng,
    );
    run.step(1);
    const first = await run.lossPerModel();
    await run.snapshot();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 30; i++) {
      run.step(10);
      await run.loss();
    }
    const snap = await run.snapshot();
    expect(tf.memory().numTensors).toBe(before);
    const last = await run.lossPerModel();
    last.forEach((v, g) => expect(v).toBeLessThan(first[g]!));
    expect(snap.analysis!.latent!.shape).toEqual([3, 64, 3]);
    expect(snap.analysis!.srm!.shape).toEqual([3, 360]);
    expect(run.staticData.basis0!.shape).toEqual([6, 3]);
    // restore puts the weights back exactly
    const w = Array.from(snap.weights.W2!.data);
    run.step(5);
    run.restore(snap);
    expect(Array.from((await run.snapshot()).weights.W2!.data)).toEqual(w);
    run.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('is deterministic for a seed and trains side-by-side models on the same initial weights', async () => {
    const params = { ...defaultParams(spotlightLab.params), k: 3, hidden: 16, act1: 'tanh', act2: 'tanh', seed: 7 };
    const a = await spotlightLab.createRun(params, nodeRunContext(7));
    const b = await spotlightLab.createRun(params, nodeRunContext(7));
    a.step(3);
    b.step(3);
    const [sa, sb] = [await a.snapshot(), await b.snapshot()];
    expect(Array.from(sa.weights.W2!.data)).toEqual(Array.from(sb.weights.W2!.data));
    // two identical activations in one run stay identical: same init, same batches
    const w2 = sa.weights.W2!.data;
    const half = w2.length / 2;
    for (let i = 0; i < half; i += 7) expect(w2[i + half]).toBeCloseTo(w2[i]!, 6);
    const m = spotlightLab.metrics(sa, params, a.staticData) as { reconstructionError: Record<string, number> };
    expect(Object.keys(m.reconstructionError)).toEqual(['tanh', 'tanh#2']);
    a.dispose();
    b.dispose();
  });
});
