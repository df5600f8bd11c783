import { beforeAll, describe, expect, it } from 'vitest';
import { activateNodeBackend } from '../cli/node-backend';
import { createRng } from '../engine/rng';
import { createToyModel } from './toy-model';
import { fusedFits, fusedLayout, initialFusedState } from './toy-model-fused-webgpu';

// The fused program itself needs WebGPU: e2e/fused-webgpu.spec.ts checks it against wasm in Chromium.
beforeAll(async () => {
  await activateNodeBackend('wasm');
});

const cfg = {
  models: 2,
  n: 3,
  m: 2,
  batch: 16,
  lr: 0.01,
  sparsity: [0.5, 0.9],
  importance: [
    [1, 1, 1],
    [1, 0.9, 0.81],
  ],
};

describe('fused toy model state', () => {
  it('lays out params, both Adam moments, the loss and β₁ᵗ, β₂ᵗ, then the scratch rows', () => {
    const L = fusedLayout({ n: 3, m: 2, batch: 16 });
    expect(L).toEqual({
      params: 9,
      moment1: 9,
      moment2: 18,
      loss: 27,
      accBeta1: 28,
      accBeta2: 29,
      scratch: 30,
      stride: 30 + 16 * (2 * 2 + 3),
    });
  });

  it('starts from the given parameters with zero moments and β₁¹ = 0.9, β₂¹ = 0.999 in float32', () => {
    const shape = { n: 3, m: 2, batch: 16 };
    const L = fusedLayout(shape);
    const params = Float32Array.from({ length: 2 * 9 }, (_, i) => i + 1);
    const s = initialFusedState(shape, 2, params);
    for (let g = 0; g < 2; g++) {
      const row = s.subarray(g * L.stride, (g + 1) * L.stride);
      expect(Array.from(row.subarray(0, 9))).toEqual(Array.from(params.subarray(g * 9, g * 9 + 9)));
      expect(row.subarray(L.moment1, L.loss).every((v) => v === 0)).toBe(true);
      expect(row[L.loss]).toBeNaN();
      expect(row[L.accBeta1]).toBe(Math.fround(0.9));
      expect(row[L.accBeta2]).toBe(Math.fround(0.999));
    }
  });

  it('is not used, and cannot be asked for, without the webgpu backend', () => {
    expect(fusedFits({ n: 3, m: 2, batch: 16 }, 2, 4)).toBe(false);
    expect(() => createToyModel(cfg, createRng(1), { fused: true })).toThrow(/webgpu/);
    const run = createToyModel(cfg, createRng(1));
    run.step(3);
    run.dispose();
  });
});
