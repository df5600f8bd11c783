/**
 * The capacity lab's quadratic toy (DESIGN §5.2), batched over G independent models so that the
 * kurtosis sweep trains a whole row in one graph:
 *   target y = Σ_i v_i x_i²,  prediction ŷ = Σ_k (W x)_k² + b,  loss = mean (ŷ − y)².
 * Inputs are unit-variance i.i.d. features from a generator of chosen kurtosis (one generator per
 * model). Gradients by hand (∂L/∂H = 4 e H / B, ∂L/∂W = (∂L/∂H)ᵀ X, ∂L/∂b = 2 Σ e / B), batches from
 * a pre-generated pool, no transpose flags, batch sums as a ones-row matMul.
 *
 * On the webgpu backend that graph is a dozen small dispatches a step, and tfjs-webgpu pays per
 * dispatch; there the whole step (forward, backward, Adam) runs as one fused WebGPU program, up to
 * 32 steps a dispatch (model-fused-webgpu.ts), from the same random stream, to the same weights.
 */
import { tf, type Tensor, type Variable } from '../../engine/tf';
import { adam } from '../../nn/adam';
import type { Rng } from '../../engine/rng';
import type { GeneratorSetting } from '../../analysis/kurtosis';
import { fillSamples } from '../../data/kurtosis-inputs';
import { ownedRun, variableSlot, type OwnedRun } from '../../engine/owned-run';
import { createFusedQuadraticModel, quadraticFusedFits } from './model-fused-webgpu';
import { runHeapKernel } from '../../nn/wasm-heap-kernel';
import { quadraticHeadKernel } from './model-head-wasm';

export interface QuadraticModelConfig {
  models: number;
  n: number;
  m: number;
  batch: number;
  lr: number;
  /** Per model: its input generator. */
  inputs: GeneratorSetting[];
  /** Per model: the n importances v_i. */
  importance: number[][];
}

const POOL_SAMPLES = 32768;
/** Caps the pool at this many floats over all models (a sweep has many). */
const POOL_FLOATS = 4_000_000;
const MIN_POOL_BATCHES = 4;
let instanceCounter = 0;

export function poolBatchCount(cfg: Pick<QuadraticModelConfig, 'models' | 'n' | 'batch'>): number {
  const byFloats = Math.floor(POOL_FLOATS / (cfg.models * cfg.batch * cfg.n));
  return Math.max(MIN_POOL_BATCHES, Math.min(Math.ceil(POOL_SAMPLES / cfg.batch), byFloats));
}

/** One pool batch: inputs X (G×B×n) and targets y = Σ v_i x_i² (G×B×1). */
function sampleBatch(cfg: QuadraticModelConfig, rng: Rng): { x: Float32Array; y: Float32Array } {
  const { models: G, batch: B, n } = cfg;
  const x = new Float32Array(G * B * n);
  const y = new Float32Array(G * B);
  for (let g = 0; g < G; g++) {
    const setting = cfg.inputs[g]!;
    const v = cfg.importance[g]!;
    const part = fillSamples(x.subarray(g * B * n, (g + 1) * B * n), setting, rng);
    for (let r = 0; r < B; r++) {
      let t = 0;
      for (let i = 0; i < n; i++) t += v[i]! * part[r * n + i]! ** 2;
      y[g * B + r] = t;
    }
  }
  return { x, y };
}

/** W ~ N(0, 1/n) per entry; b starts at its optimum for that W: Σ v_i − Σ_i ‖W_i‖². */
function initialParameters(cfg: QuadraticModelConfig, rng: Rng): { w: Float32Array; b: Float32Array } {
  const { models: G, m, n } = cfg;
  const std = 1 / Math.sqrt(n);
  const w = new Float32Array(G * m * n);
  const b = new Float32Array(G);
  for (let g = 0; g < G; g++) {
    let frob = 0;
    for (let k = 0; k < m * n; k++) {
      const v = rng.normal() * std;
      w[g * m * n + k] = v;
      frob += v * v;
    }
    b[g] = cfg.importance[g]!.reduce((s, v) => s + v, 0) - frob;
  }
  return { w, b };
}

export type QuadraticModelRun = OwnedRun;

export interface QuadraticModelOptions {
  /**
   * One fused WebGPU dispatch for several whole training steps (model-fused-webgpu.ts); the default
   * is to use it when the backend is webgpu and the model fits the device's storage bindings. False
   * keeps the op-by-op graph (for comparisons).
   */
  fused?: boolean;
  /** On wasm, the element-wise middle of a step as one heap kernel (the default there); false keeps the op-by-op graph. */
  headKernel?: boolean;
}

export function createQuadraticModel(cfg: QuadraticModelConfig, rng: Rng, options: QuadraticModelOptions = {}): QuadraticModelRun {
  const { models: G, n, m, batch: B } = cfg;
  if (cfg.inputs.length !== G || cfg.importance.length !== G) throw new Error('one input generator and importance per model');
  const poolBatches = poolBatchCount(cfg);
  if (options.fused ?? (tf.getBackend() === 'webgpu' && quadraticFusedFits({ n, m, batch: B }, G, poolBatches))) {
    if (tf.getBackend() !== 'webgpu') throw new Error('the fused quadratic model needs the webgpu backend');
    // The same random stream as below: the pool's batches, then the parameters, then one batch index a step.
    const poolX = new Float32Array(poolBatches * G * B * n);
    const poolY = new Float32Array(poolBatches * G * B);
    for (let i = 0; i < poolBatches; i++) {
      const { x, y } = sampleBatch(cfg, rng);
      poolX.set(x, i * x.length);
      poolY.set(y, i * y.length);
    }
    const init = initialParameters(cfg, rng);
    return createFusedQuadraticModel({
      ...cfg,
      poolX,
      poolY,
      poolBatches,
      initialW: init.w,
      initialB: init.b,
      nextBatch: () => rng.int(poolBatches),
    });
  }
  const poolX: Tensor[] = [];
  const poolY: Tensor[] = [];
  for (let i = 0; i < poolBatches; i++) {
    const { x, y } = sampleBatch(cfg, rng);
    poolX.push(tf.tensor3d(x, [G, B, n]));
    poolY.push(tf.tensor3d(y, [G, B, 1]));
  }
  const onesRow = tf.ones([G, 1, B]);
  const fourOverB = tf.scalar(4 / B);
  const twoOverB = tf.scalar(2 / B);
  const invB = tf.scalar(1 / B);
  const id = instanceCounter++;
  const init = initialParameters(cfg, rng);
  const W: Variable = tf.tidy(() => tf.variable(tf.tensor3d(init.w, [G, m, n]), true, `capacityW${id}`));
  const b: Variable = tf.tidy(() => tf.variable(tf.tensor3d(init.b, [G, 1, 1]), true, `capacityB${id}`));
  const optimizer = adam(cfg.lr);
  // On wasm, the element-wise middle of the step is one heap kernel (model-head-wasm.ts) unless asked otherwise.
  const headKernel = options.headKernel ?? tf.getBackend() === 'wasm';

  return ownedRun({
    models: G,
    weights: { W: variableSlot(W), b: variableSlot(b) },
    owned: [optimizer, ...poolX, ...poolY, onesRow, fourOverB, twoOverB, invB, W, b],
    trainStep(withLoss) {
      const pick = rng.int(poolBatches);
      const x = poolX[pick]!;
      const y = poolY[pick]!;
      const h = tf.matMul(x, tf.transpose(W, [0, 2, 1])); // G×B×m
      if (headKernel) {
        const [gH, gb, loss] = runHeapKernel(quadraticHeadKernel, { h, y, b }, { models: G, batch: B, m });
        optimizer.applyGradients([
          { name: W.name, tensor: tf.matMul(tf.transpose(gH!, [0, 2, 1]), x) },
          { name: b.name, tensor: gb! },
        ]);
        return withLoss ? loss : undefined;
      }
      const yHat = tf.add(tf.sum(tf.square(h), 2, true), b); // G×B×1
      const e = tf.sub(yHat, y);
      const gH = tf.mul(tf.mul(h, e), fourOverB);
      const gW = tf.matMul(tf.transpose(gH, [0, 2, 1]), x); // G×m×n
      const gb = tf.mul(tf.matMul(onesRow, e), twoOverB); // G×1×1
      optimizer.applyGradients([
        { name: W.name, tensor: gW },
        { name: b.name, tensor: gb },
      ]);
      return withLoss ? tf.reshape(tf.mul(tf.matMul(onesRow, tf.square(e)), invB), [G]) : undefined;
    },
  });
}
