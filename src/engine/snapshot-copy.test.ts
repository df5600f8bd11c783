import { describe, expect, it } from 'vitest';
import { copyInto } from './snapshot-copy';
import type { Snapshot } from './run-types';

const snap = (step: number, w: number[], extra?: number[]): Snapshot => ({
  step,
  loss: step / 10,
  weights: {
    W: { shape: [w.length], data: Float32Array.from(w) },
    ...(extra ? { b: { shape: [extra.length], data: Float32Array.from(extra) } } : {}),
  },
  analysis: { srm: { shape: [2], data: Float32Array.from([step, -step]) } },
  analysisStep: step,
});

describe('copyInto', () => {
  it('copies without sharing memory with the source (the source is transferred away)', () => {
    const source = snap(3, [1, 2, 3]);
    const copy = copyInto(source, null);
    expect(copy).toEqual(source);
    expect(copy.weights.W!.data).not.toBe(source.weights.W!.data);
    source.weights.W!.data.fill(0);
    expect([...copy.weights.W!.data]).toEqual([1, 2, 3]);
  });

  it('reuses the previous copy’s arrays where the sizes match, and allocates where they do not', () => {
    const first = copyInto(snap(1, [1, 2, 3], [9]), null);
    const kept = first.weights.W!.data;
    const keptSrm = first.analysis!.srm!.data;
    const second = copyInto(snap(2, [4, 5, 6], [7, 8]), first);
    expect(second.weights.W!.data).toBe(kept);
    expect(second.analysis!.srm!.data).toBe(keptSrm);
    expect([...second.weights.W!.data]).toEqual([4, 5, 6]);
    expect([...second.weights.b!.data]).toEqual([7, 8]);
    expect(second.weights.b!.data).not.toBe(first.weights.b!.data);
    expect([second.step, second.loss, second.analysisStep]).toEqual([2, 0.2, 2]);
  });
});
