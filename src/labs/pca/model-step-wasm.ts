/**
 * The linear autoencoder's forward and backward pass (model.ts) as one wasm heap kernel
 * (nn/wasm-heap-kernel.ts). Per batch row x: h = W₁x, e = W₂h − x, g = 2e/B, and summed over rows
 *   ∂L/∂W₂ += g hᵀ,  ∂L/∂W₁ += (W₂ᵀ g) xᵀ,  loss = Σ ‖e‖² / B.
 * For d = 8, k = 3 and B = 256 that is 30,000 multiply-adds, cheaper in one JavaScript loop than the
 * eleven tfjs kernels (five matMuls, four transposes, sub, mul) it replaces, each with a fixed cost
 * of 5–13 µs. Sums run in float64, so results agree with the op-by-op graph's float32 ones to
 * rounding, not bit for bit. Inputs x [B,d], W1 [k,d], W2 [d,k]; outputs ∂L/∂W₁ [k,d], ∂L/∂W₂ [d,k],
 * loss [].
 */
import type { HeapKernel } from '../../nn/wasm-heap-kernel';

export interface PcaStepAttrs {
  batch: number;
  d: number;
  k: number;
}

export const pcaStepKernel: HeapKernel<PcaStepAttrs> = {
  name: 'GeometryLabPcaStep',
  inputs: ['x', 'W1', 'W2'],
  outputShapes: (_, { d, k }) => [[k, d], [d, k], []],
  run(inputs, outputs, { batch: B, d, k }) {
    const [x, W1, W2] = inputs as [Float32Array, Float32Array, Float32Array];
    const [gW1, gW2, loss] = outputs as [Float32Array, Float32Array, Float32Array];
    const acc1 = new Float64Array(k * d);
    const acc2 = new Float64Array(d * k);
    const h = new Float64Array(k);
    const g = new Float64Array(d);
    const u = new Float64Array(k);
    const scale = 2 / B;
    let lossSum = 0;
    for (let r = 0; r < B; r++) {
      const row = r * d;
      for (let a = 0; a < k; a++) {
        let s = 0;
        for (let i = 0; i < d; i++) s += W1[a * d + i]! * x[row + i]!;
        h[a] = s;
      }
      for (let i = 0; i < d; i++) {
        let s = -x[row + i]!;
        for (let a = 0; a < k; a++) s += W2[i * k + a]! * h[a]!;
        lossSum += s * s;
        g[i] = scale * s;
      }
      for (let a = 0; a < k; a++) {
        let s = 0;
        for (let i = 0; i < d; i++) s += W2[i * k + a]! * g[i]!;
        u[a] = s;
      }
      for (let i = 0; i < d; i++) for (let a = 0; a < k; a++) acc2[i * k + a] = acc2[i * k + a]! + g[i]! * h[a]!;
      for (let a = 0; a < k; a++) for (let i = 0; i < d; i++) acc1[a * d + i] = acc1[a * d + i]! + u[a]! * x[row + i]!;
    }
    gW1.set(acc1);
    gW2.set(acc2);
    loss[0] = lossSum / B;
  },
};
