import { beforeAll, describe, expect, it } from 'vitest';
import { activateNodeBackend } from '../../cli/node-backend';
import { createRng } from '../../engine/rng';
import { generatorForKurtosis } from '../../analysis/kurtosis';
import { createQuadraticModel } from './model';
import { quadraticFusedFits, quadraticLayout } from './model-fused-webgpu';

// The fused program itself needs WebGPU: e2e/fused-webgpu.spec.ts checks it against wasm in Chromium.
beforeAll(async () => {
  await activateNodeBackend('wasm');
});

const cfg = {
  models: 2,
  n: 4,
  m: 2,
  batch: 16,
  lr: 0.01,
  inputs: [generatorForKurtosis('power', 2), generatorForKurtosis('power', 6)],
  importance: [
    [1, 1, 1, 1],
    [1, 0.9, 0.81, 0.729],
  ],
};

describe('fused quadratic capacity model state', () => {
  it('lays out W then b, both Adam moments, the loss and β₁ᵗ, β₂ᵗ, then ∂L/∂H and e per batch row', () => {
    const L = quadraticLayout({ n: 4, m: 2, batch: 16 });
    expect(L).toEqual({ params: 9, moment1: 9, moment2: 18, loss: 27, accBeta1: 28, accBeta2: 29, scratch: 30, stride: 30 + 16 * 3 });
  });

  it('is not used, and cannot be asked for, without the webgpu backend', () => {
    expect(quadraticFusedFits({ n: 4, m: 2, batch: 16 }, 2, 4)).toBe(false);
    expect(() => createQuadraticModel(cfg, createRng(1), { fused: true })).toThrow(/webgpu/);
    const run = createQuadraticModel(cfg, createRng(1));
    run.step(3);
    run.dispose();
  });
});
