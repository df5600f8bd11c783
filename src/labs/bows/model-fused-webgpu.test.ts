import { beforeAll, describe, expect, it } from 'vitest';
import { activateNodeBackend } from '../../cli/node-backend';
import { createRng } from '../../engine/rng';
import { createBowsModel } from './model';
import { bowsFusedFits, bowsLayout, packBowsBatch, rowsPerGroup } from './model-fused-webgpu';
import { syntheticSource } from './synthetic-source';

// The fused programs need WebGPU: e2e/fused-webgpu.spec.ts checks them against wasm in Chromium.
beforeAll(async () => {
  await activateNodeBackend('wasm');
});

const cfg = { V: 12, m: 6, batch: 32, lr: 0.01, weightDecay: 6, horizon: 100, lrEnd: 0, encoder: 'sparse' as const };

describe('fused bows model', () => {
  it('lays out W [m, V], b [V], AdamW’s two moments, the loss, then Wᵀ [V, m]', () => {
    expect(bowsLayout({ V: 12, m: 6, batch: 32 })).toEqual({
      params: 84,
      moment1: 84,
      moment2: 168,
      loss: 252,
      transposed: 253,
      stride: 325,
    });
  });

  it('gives the rows program as many rows a workgroup as its 16 KiB hold (x as V bits, h as R·m floats, 16 partial sums), at most 8', () => {
    expect(rowsPerGroup({ V: 500, m: 32, batch: 256 })).toBe(8);
    expect(rowsPerGroup({ V: 500, m: 32, batch: 3 })).toBe(3);
    expect(rowsPerGroup({ V: 3072, m: 128, batch: 256 })).toBe(7); // (4096 − 3072 − 16) / 128 = 7.9
    expect(rowsPerGroup({ V: 2000, m: 1000, batch: 512 })).toBe(2);
    expect(rowsPerGroup({ V: 10000, m: 1000, batch: 512 })).toBe(0);
  });

  it('packs a batch and the step’s scalars into one int32 array: offsets, rowStart, words, wordStart, rowsByWord, scalar bits', () => {
    // Rows: 0 holds words 1 and 3, row 1 word 3; by word: 1 ← row 0, 3 ← rows 0, 1; then the padding entry (row B).
    const batch = {
      nnz: 3,
      rows: Int32Array.from([0, 0, 1]),
      words: Int32Array.from([1, 3, 3]),
      rowsByWord: Int32Array.from([0, 0, 1, 2]),
      wordsSorted: Int32Array.from([1, 3, 3, 3]),
    };
    const packed = packBowsBatch({ V: 4, m: 2, batch: 2 }, batch, { lr: 0.1, lrOverC1: 0.5, invC2: 2, decay: 0.75 });
    expect(Array.from(packed.subarray(0, 19))).toEqual([7, 10, 15, 19, 0, 2, 3, 1, 3, 3, 0, 0, 1, 1, 3, 0, 0, 1, 2]);
    expect(Array.from(new Float32Array(packed.buffer, 19 * 4, 3))).toEqual([0.5, 2, 0.75]);
    expect(packed).toHaveLength(22);
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
