import { describe, expect, it } from 'vitest';
import { neuronLoadCounts } from './blocks';

describe('per-neuron polysemanticity', () => {
  it('counts the features whose weight on a neuron exceeds the threshold', () => {
    // neuron 0 carries features 0 and 1; neuron 1 carries feature 2 and a trace of feature 3.
    const w = { rows: 2, cols: 4, data: [1, -0.8, 0, 0, 0, 0.05, 0.9, 0.1] };
    expect(neuronLoadCounts(w, 0.2)).toEqual([2, 1]);
    expect(neuronLoadCounts(w, 0.01)).toEqual([2, 3]);
    expect(neuronLoadCounts({ rows: 1, cols: 2, data: [0, 0] })).toEqual([0]);
  });
});
