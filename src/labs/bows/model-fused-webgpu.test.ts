import { beforeAll, describe, expect, it } from 'vitest';
import { activateNodeBackend } from '../../cli/node-backend';
import { createRng } from '../../engine/rng';
import { createBowsModel } from './model';
import { bowsFusedFits, bowsLayout } from './model-fused-webgpu';
import { syntheticSource } from './synthetic-source';

// The fused programs need WebGPU: e2e/fused-webgpu.spec.ts checks them against wasm in Chromium.
beforeAll(async () => {
  await activateNodeBackend('wasm');
});

const cfg = { V: 12, m: 6, batch: 32, lr: 0.01, weightDecay: 6, horizon: 100, lrEnd: 0, encoder: 'sparse' as const };

describe('fused bows model', () => {
  it('lays out W [m, V], b [V], AdamW’s two moments, then the loss', () => {
    expect(bowsLayout({ V: 12, m: 6, batch: 32 })).toEqual({ params: 84, moment1: 84, moment2: 168, loss: 252, stride: 253 });
  });

  it('is not used, and cannot be asked for, without the webgpu backend', () => {
    const source = syntheticSource({ shape: 'ring', features: 12, sharpness: 10 });
    expect(bowsFusedFits({ V: 12, m: 6, batch: 32 })).toBe(false);
    expect(() => createBowsModel(cfg, source, createRng(1), { fused: true })).toThrow(/webgpu/);
    const run = createBowsModel(cfg, source, createRng(1));
    run.step(3);
    run.dispose();
  });
});
