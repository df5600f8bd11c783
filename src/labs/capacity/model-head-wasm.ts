/**
 * The quadratic model's element-wise middle (model.ts) as one wasm heap kernel
 * (nn/wasm-heap-kernel.ts): from h = W x (G×B×m, a matMul before it), for each of G models
 *   e_r = Σ_j h_rj² + b − y_r,  ∂L/∂h_rj = (4/B) e_r h_rj,  ∂L/∂b = (2/B) Σ_r e_r,  loss = Σ_r e_r² / B.
 * The matrix products stay in tfjs-wasm's SIMD kernels; the eight small kernels between them
 * (square, sum, add, sub, two muls, the batch sum and its scale) become one. Sums run in float64,
 * so results agree with the op-by-op graph's float32 ones to rounding, not bit for bit.
 * Inputs h [G,B,m], y [G,B,1], b [G,1,1]; outputs ∂L/∂h [G,B,m], ∂L/∂b [G,1,1], loss [G].
 */
import type { HeapKernel } from '../../nn/wasm-heap-kernel';

export interface QuadraticHeadAttrs {
  models: number;
  batch: number;
  m: number;
}

export const quadraticHeadKernel: HeapKernel<QuadraticHeadAttrs> = {
  name: 'GeometryLabQuadraticHead',
  inputs: ['h', 'y', 'b'],
  outputShapes: (_, { models: G, batch: B, m }) => [[G, B, m], [G, 1, 1], [G]],
  run(inputs, outputs, { models: G, batch: B, m }) {
    const [h, y, b] = inputs as [Float32Array, Float32Array, Float32Array];
    const [gH, gb, loss] = outputs as [Float32Array, Float32Array, Float32Array];
    for (let g = 0; g < G; g++) {
      let eSum = 0;
      let e2Sum = 0;
      for (let r = 0; r < B; r++) {
        const row = (g * B + r) * m;
        let q = 0;
        for (let j = 0; j < m; j++) q += h[row + j]! * h[row + j]!;
        const e = q + b[g]! - y[g * B + r]!;
        eSum += e;
        e2Sum += e * e;
        const scale = (4 / B) * e;
        for (let j = 0; j < m; j++) gH[row + j] = scale * h[row + j]!;
      }
      gb[g] = (2 / B) * eSum;
      loss[g] = e2Sum / B;
    }
  },
};
