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

  it('one step moves every weight by the gradient of the loss (float64 forward pass, central differences)', async () => {
    // One batch of 4 rows, SGD with momentum: its first step is w − lr·∂L/∂w exactly.
    const d = 5;
    const h = 4;
    const k = 3;
    const lr = 0.05;
    const acts: ActivationSpec[] = [specs[0]![1], specs[5]![1], specs[4]![1]];
    const rng = createRng(11);
    const train = continuousSamples('gaussian', 4, d, rng);
    const run = createAutoencoder(
      {
        inputDim: d,
        hidden: h,
        k,
        batch: 4,
        lr,
        optimizer: 'momentum',
        activations: acts,
        train,
        probe: train,
        epsilon: 0.9,
        maxPlanes: 4,
      },
      rng,
    );
    const before = (await run.snapshot({ analysis: 'weights-only' })).weights;
    run.step(1);
    const after = (await run.snapshot({ analysis: 'weights-only' })).weights;
    run.dispose();
    const G = acts.length;
    const w: Record<string, Float64Array> = {};
    for (const [n, t] of Object.entries(before)) w[n] = Float64Array.from(t.data);
    // L = Σ_g mean over rows and pixels of (out − x)², the models' layers as the snapshot lays them out.
    const layer = (
      input: Float64Array,
      W: Float64Array,
      wAt: number,
      stride: number,
      col: number,
      b: Float64Array,
      bAt: number,
      n: number,
    ) => {
      const out = new Float64Array(n);
      for (let j = 0; j < n; j++) {
        let sum = b[bAt + j]!;
        for (let i = 0; i < input.length; i++) sum += input[i]! * W[wAt + i * stride + col + j]!;
        out[j] = sum;
      }
      return out;
    };
    const loss = (): number => {
      let total = 0;
      for (let g = 0; g < G; g++) {
        const spec = acts[g]!;
        const hidden: ActivationSpec = spec.kind === 'elementwise' ? { ...spec, basis: null } : spec;
        let sq = 0;
        for (let r = 0; r < 4; r++) {
          const x = Float64Array.from(train.subarray(r * d, (r + 1) * d));
          const a1 = applyActivationValue(hidden, layer(x, w.W1!, 0, G * h, g * h, w.b1!, g * h, h));
          const z = applyActivationValue(acts[g]!, layer(a1, w.W2!, g * h * k, k, 0, w.b2!, g * k, k));
          const a3 = applyActivationValue(hidden, layer(z, w.W3!, g * k * h, h, 0, w.b3!, g * h, h));
          const out = layer(a3, w.W4!, g * h * d, d, 0, w.b4!, g * d, d);
          for (let j = 0; j < d; j++) sq += (out[j]! - x[j]!) ** 2;
        }
        total += sq / (4 * d);
      }
      return total;
    };
    let checked = 0;
    for (const [n, values] of Object.entries(w)) {
      for (let i = 0; i < values.length; i++) {
        const eps = 1e-5;
        const keep = values[i]!;
        values[i] = keep + eps;
        const plus = loss();
        values[i] = keep - eps;
        const minus = loss();
        values[i] = keep;
        const numeric = (plus - minus) / (2 * eps);
        const step = (before[n]!.data[i]! - after[n]!.data[i]!) / lr;
        expect(Math.abs(step - numeric), `${n}[${i}]: ${step} against ${numeric}`).toBeLessThan(5e-6 + 1e-4 * Math.abs(numeric));
        checked++;
      }
    }
    expect(checked).toBe(d * G * h + G * h + G * (h * k + k + k * h + h + h * d + d));
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
    // restore puts the weights back exactly (W1 and W4 through their transposed variables)
    const w = Object.fromEntries(Object.entries(snap.weights).map(([n, t]) => [n, Array.from(t.data)]));
    run.step(5);
    run.restore(snap);
    const back = (await run.snapshot()).weights;
    for (const n of ['W1', 'b1', 'W2', 'b2', 'W3', 'b3', 'W4', 'b4']) expect(Array.from(back[n]!.data), n).toEqual(w[n]);
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
