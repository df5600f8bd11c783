import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../engine/tf';
import { activateNodeBackend } from '../../cli/node-backend';
import { AdamW, cosineLr } from './adamw';

beforeAll(async () => {
  await activateNodeBackend('wasm');
});

describe('AdamW with a cosine schedule', () => {
  it('cosine schedule: lr at 0, half-way at T/2, the floor from T on', () => {
    const cfg = { lr: 0.1, horizon: 100, finalFraction: 0.05 };
    expect(cosineLr(cfg, 0)).toBeCloseTo(0.1, 12);
    expect(cosineLr(cfg, 50)).toBeCloseTo(0.1 * (0.05 + 0.95 * 0.5), 12);
    expect(cosineLr(cfg, 100)).toBeCloseTo(0.005, 12);
    expect(cosineLr(cfg, 1000)).toBeCloseTo(0.005, 12);
    expect(cosineLr({ lr: 1, horizon: 4 }, 1)).toBeCloseTo(0.5 * (1 + Math.cos(Math.PI / 4)), 12);
  });

  it('matches the AdamW update written out in plain numbers (decay only where asked)', async () => {
    const cfg = { lr: 0.1, weightDecay: 0.5, horizon: 10, finalFraction: 0 };
    const w = tf.variable(tf.tensor1d([1, -2, 3]));
    const b = tf.variable(tf.tensor1d([0.5]));
    const opt = new AdamW(
      [
        { variable: w, decay: true },
        { variable: b, decay: false },
      ],
      cfg,
    );
    const grads = [
      [0.3, -0.1, 0],
      [0.2, 0.4, -1],
    ];
    const ref = [1, -2, 3];
    const refB = 0.5;
    const m = [0, 0, 0];
    const v = [0, 0, 0];
    let mb = 0;
    let vb = 0;
    let pb = refB;
    for (let t = 0; t < 2; t++) {
      const g = grads[t]!;
      const gb = t === 0 ? 1 : -0.5;
      const lr = cosineLr(cfg, t);
      for (let k = 0; k < 3; k++) {
        ref[k] = ref[k]! * (1 - lr * cfg.weightDecay);
        m[k] = 0.9 * m[k]! + 0.1 * g[k]!;
        v[k] = 0.999 * v[k]! + 0.001 * g[k]! ** 2;
        ref[k] = ref[k]! - (lr * (m[k]! / (1 - 0.9 ** (t + 1)))) / (Math.sqrt(v[k]! / (1 - 0.999 ** (t + 1))) + 1e-8);
      }
      mb = 0.9 * mb + 0.1 * gb;
      vb = 0.999 * vb + 0.001 * gb * gb;
      pb = pb - (lr * (mb / (1 - 0.9 ** (t + 1)))) / (Math.sqrt(vb / (1 - 0.999 ** (t + 1))) + 1e-8);
      const gt = [tf.tensor1d(g), tf.tensor1d([gb])];
      opt.apply(gt);
      tf.dispose(gt);
    }
    const got = await w.data();
    ref.forEach((r, k) => expect(got[k]).toBeCloseTo(r, 5));
    expect((await b.data())[0]).toBeCloseTo(pb, 5);
    expect(opt.steps).toBe(2);
    const before = tf.memory().numTensors;
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before - 4);
    tf.dispose([w, b]);
  });

  it('with zero gradient, weight decay alone shrinks weights by (1 − lr_t λ) per step', async () => {
    const w = tf.variable(tf.tensor1d([2]));
    const opt = new AdamW([{ variable: w, decay: true }], { lr: 0.1, weightDecay: 4, horizon: 1000000 });
    const g = tf.tensor1d([0]);
    for (let k = 0; k < 3; k++) opt.apply([g]);
    expect((await w.data())[0]).toBeCloseTo(2 * 0.6 ** 3, 4);
    tf.dispose([g, w]);
    opt.dispose();
  });

  it('after reset(t), the first update is an ordinary first Adam step (≈ lr), the schedule stays at t', async () => {
    const cfg = { lr: 0.01, weightDecay: 0, horizon: 1_000_000 };
    const w = tf.variable(tf.tensor1d([0]));
    const opt = new AdamW([{ variable: w, decay: false }], cfg);
    opt.reset(5000);
    const g = tf.tensor1d([1]);
    for (let i = 0; i < 10; i++) opt.apply([g]);
    // Ten steps of Adam with a constant gradient move the weight by 10 · lr (not ~55 · lr, as a bias
    // correction computed from t = 5000 would).
    expect((await w.data())[0]).toBeCloseTo(-0.1, 4);
    expect(opt.steps).toBe(5010);
    expect(opt.currentLr()).toBeCloseTo(cosineLr(cfg, 5010), 12);
    opt.dispose();
    tf.dispose([w, g]);
  });

  it('on wasm, one kernel a step updates every parameter to the op-by-op graph’s weights (100 steps)', async () => {
    const cfg = { lr: 0.05, weightDecay: 0.1, horizon: 80, finalFraction: 0.1 };
    const make = () =>
      tf.tidy(() => [tf.variable(tf.tensor2d([0.5, -1, 2, 0.25, -0.75, 1.5], [2, 3])), tf.variable(tf.tensor1d([0.1, -0.2, 0.3]))]);
    const fusedVars = make();
    const graphVars = make();
    const fused = new AdamW(
      [
        { variable: fusedVars[0]!, decay: true },
        { variable: fusedVars[1]!, decay: false },
      ],
      cfg,
    );
    const graph = new AdamW(
      [
        { variable: graphVars[0]!, decay: true },
        { variable: graphVars[1]!, decay: false },
      ],
      cfg,
      false,
    );
    for (let t = 0; t < 100; t++) {
      const grads = [
        tf.tensor2d([Math.sin(t), 0.3, -Math.cos(t / 3), 0, 1 / (t + 1), -0.2], [2, 3]),
        tf.tensor1d([0.01 * t, -1, Math.sin(t / 7)]),
      ];
      fused.apply(grads);
      graph.apply(grads);
      tf.dispose(grads);
    }
    const diff = tf.tidy(() => Math.max(...fusedVars.map((v, k) => tf.max(tf.abs(tf.sub(v, graphVars[k]!))).dataSync()[0]!)));
    const start = [0.5, -1, 2, 0.25, -0.75, 1.5, 0.1, -0.2, 0.3];
    const now = [...fusedVars[0]!.dataSync(), ...fusedVars[1]!.dataSync()];
    const moved = Math.max(...now.map((x, k) => Math.abs(x - start[k]!)));
    expect(moved).toBeGreaterThan(0.5);
    expect(diff).toBeLessThanOrEqual(1e-6);
    const g = [tf.onesLike(fusedVars[0]!), tf.onesLike(fusedVars[1]!)];
    const profile = await tf.profile(() => fused.apply(g));
    expect(profile.kernels.map((k) => k.name)).toEqual(['GeometryLabAdamW']);
    tf.dispose([...g, ...fusedVars, ...graphVars]);
    fused.dispose();
    graph.dispose();
  });
});
