/**
 * A linear autoencoder x̂ = W₂(W₁x) (W₁: k×d encoder, W₂: d×k decoder) trained with Adam on the
 * mean squared reconstruction error L = (1/B) Σ_b ‖x̂_b − x_b‖². Gradients by hand, no autodiff:
 *   E = X̂ − X (B×d), G = 2E/B,  ∂L/∂W₂ = Gᵀ H,  ∂L/∂W₁ = (G W₂)ᵀ X  with H = X W₁ᵀ (B×k).
 * On wasm the whole forward and backward pass is one kernel over the wasm heap (model-step-wasm.ts).
 * Batches are drawn from a pre-generated pool of `samples` rows. The analysis compares span(W₂)
 * with the data's top-k principal subspace (subspace.ts).
 */
import { tf, type Tensor, type Variable } from '../../engine/tf';
import { adam } from '../../nn/adam';
import type { Rng } from '../../engine/rng';
import { ownedRun, variableSlot, type OwnedRun } from '../../engine/owned-run';
import { drawSamples, type PcaData } from './data';
import { pcaReadouts } from './readouts';
import { runHeapKernel } from '../../nn/wasm-heap-kernel';
import { pcaStepKernel } from './model-step-wasm';

export interface PcaModelConfig {
  d: number;
  k: number;
  samples: number;
  batch: number;
  lr: number;
}

let instanceCounter = 0;

export interface PcaModelOptions {
  /** On wasm, forward and backward as one heap kernel (the default there); false keeps the op-by-op graph. */
  stepKernel?: boolean;
}

export function createPcaModel(cfg: PcaModelConfig, data: PcaData, rng: Rng, options: PcaModelOptions = {}): OwnedRun {
  const { d, k, batch: B } = cfg;
  const poolBatches = Math.max(1, Math.floor(cfg.samples / B));
  const samples = drawSamples(data, poolBatches * B, rng);
  const pool: Tensor[] = Array.from({ length: poolBatches }, (_, i) => tf.tensor2d(samples.subarray(i * B * d, (i + 1) * B * d), [B, d]));
  // Small random init: W ~ N(0, 1/d), so span(W₂) starts as a random k-dim subspace.
  const init = (rows: number, cols: number) => Float32Array.from({ length: rows * cols }, () => rng.normal() / Math.sqrt(d));
  const id = instanceCounter++;
  const W1: Variable = tf.tidy(() => tf.variable(tf.tensor2d(init(k, d), [k, d]), true, `pcaW1_${id}`));
  const W2: Variable = tf.tidy(() => tf.variable(tf.tensor2d(init(d, k), [d, k]), true, `pcaW2_${id}`));
  const twoOverB = tf.scalar(2 / B);
  const invB = tf.scalar(1 / B);
  const optimizer = adam(cfg.lr);
  // On wasm, forward and backward are one heap kernel (model-step-wasm.ts) unless asked otherwise.
  const stepKernel = options.stepKernel ?? tf.getBackend() === 'wasm';
  const staticData = {
    basis: { shape: [d, d], data: Float32Array.from(data.basis) },
    lambda: { shape: [d], data: Float32Array.from(data.lambda) },
  };

  return ownedRun({
    weights: { W1: variableSlot(W1), W2: variableSlot(W2) },
    owned: [optimizer, ...pool, twoOverB, invB, W1, W2],
    staticData,
    trainStep(withLoss) {
      const x = pool[rng.int(poolBatches)]!;
      if (stepKernel) {
        const [gW1, gW2, loss] = runHeapKernel(pcaStepKernel, { x, W1, W2 }, { batch: B, d, k });
        optimizer.applyGradients([
          { name: W1.name, tensor: gW1! },
          { name: W2.name, tensor: gW2! },
        ]);
        return withLoss ? loss : undefined;
      }
      const h = tf.matMul(x, tf.transpose(W1)); // B×k
      const e = tf.sub(tf.matMul(h, tf.transpose(W2)), x); // B×d
      const g = tf.mul(e, twoOverB);
      const gW2 = tf.matMul(tf.transpose(g), h); // d×k
      const gW1 = tf.matMul(tf.transpose(tf.matMul(g, W2)), x); // k×d
      optimizer.applyGradients([
        { name: W1.name, tensor: gW1 },
        { name: W2.name, tensor: gW2 },
      ]);
      return withLoss ? tf.mul(tf.sum(tf.square(e)), invB) : undefined;
    },
    analyse: ({ weights }) => Promise.resolve(pcaReadouts(weights.W1, weights.W2, staticData.basis, staticData.lambda)),
  });
}
