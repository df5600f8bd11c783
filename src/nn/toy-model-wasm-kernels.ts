/**
 * Two small wasm heap kernels (wasm-heap-kernel.ts) for the toy model (toy-model.ts), whose W and b
 * share one variable [G, m+1, n] so that Adam sees one tensor: `toySplitKernel` reads W, Wᵀ and b out
 * of it (three tfjs kernels: two slices and a transpose), and `toyGradKernel` writes the gradient
 * back in the same layout from ∂L/∂W's two terms and ∂L/∂b (an add and a concat). They touch only
 * (m+1)·n floats a model, and copy or add in float32 exactly as the kernels they replace.
 */
import type { HeapKernel } from './wasm-heap-kernel';

export interface ToyShape {
  models: number;
  n: number;
  m: number;
}

export const toySplitKernel: HeapKernel<ToyShape> = {
  name: 'GeometryLabToySplit',
  inputs: ['params'],
  outputShapes: (_, { models: G, n, m }) => [
    [G, m, n],
    [G, n, m],
    [G, 1, n],
  ],
  run(inputs, outputs, { models: G, n, m }) {
    const [params] = inputs as [Float32Array];
    const [W, Wt, b] = outputs as [Float32Array, Float32Array, Float32Array];
    for (let g = 0; g < G; g++) {
      const p = g * (m + 1) * n;
      const w = g * m * n;
      for (let j = 0; j < m; j++) {
        for (let i = 0; i < n; i++) {
          const v = params[p + j * n + i]!;
          W[w + j * n + i] = v;
          Wt[w + i * m + j] = v;
        }
      }
      b.set(params.subarray(p + m * n, p + (m + 1) * n), g * n);
    }
  },
};

export const toyGradKernel: HeapKernel<ToyShape> = {
  name: 'GeometryLabToyGrad',
  inputs: ['gW1', 'gW2', 'gb'],
  outputShapes: (_, { models: G, n, m }) => [[G, m + 1, n]],
  run(inputs, outputs, { models: G, n, m }) {
    const [gW1, gW2, gb] = inputs as [Float32Array, Float32Array, Float32Array];
    const [grad] = outputs as [Float32Array];
    for (let g = 0; g < G; g++) {
      const p = g * (m + 1) * n;
      const w = g * m * n;
      for (let k = 0; k < m * n; k++) grad[p + k] = Math.fround(gW1[w + k]! + gW2[w + k]!);
      grad.set(gb.subarray(g * n, (g + 1) * n), p + m * n);
    }
  },
};
