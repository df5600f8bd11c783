/**
 * The intertwiner lab's digits (DESIGN §5.5): a seeded pool of pre-made training batches, and the
 * probe + held-out digits as one evaluation tensor, with what the stitching layers train on.
 */
import { tf, type Tensor } from '../../engine/tf';
import type { Rng } from '../../engine/rng';
import type { MnistData } from '../../data/mnist';
import { mnistImages } from '../../data/mnist';
import type { Task } from './layers';

export const INPUT = 784;
export const CLASSES = 10;

export interface DataSplit {
  train: number;
  probe: number;
  held: number;
}

export interface Digits {
  poolBatches: number;
  poolX: Tensor[];
  poolXT: Tensor[];
  poolY: Tensor[];
  /** The probe digits, then the held-out digits: [probe + held, 784]. */
  evalX: Tensor;
  evalN: number;
  heldLabels: Uint8Array;
  /** Σ (pixel − mean)² over the held-out digits: the denominator of a reconstruction R². */
  heldPixelVar: number;
  /** The held-out digits (autoencoder only: what reconstructions are scored against). */
  heldXTensor: Tensor | null;
  /** What the stitching layers are trained on: the probe digits' one-hot labels, or the digits themselves. */
  probeTarget: Tensor;
}

export function prepareDigits(
  cfg: { task: Task; batch: number; centreInputs: boolean },
  data: MnistData,
  split: DataSplit,
  rng: Rng,
): Digits {
  const B = cfg.batch;
  const order = Array.from({ length: split.train }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const poolBatches = Math.max(1, Math.floor(split.train / B));
  const trainImages = mnistImages(data, 0, split.train);
  const evalN = split.probe + split.held;
  const evalImages = mnistImages(data, split.train, evalN);
  if (cfg.centreInputs) {
    // Subtract the training set's mean digit, so no layer starts from one big shared offset.
    const mean = new Float32Array(INPUT);
    for (let i = 0; i < trainImages.length; i++) mean[i % INPUT]! += trainImages[i]! / split.train;
    for (let i = 0; i < trainImages.length; i++) trainImages[i]! -= mean[i % INPUT]!;
    for (let i = 0; i < evalImages.length; i++) evalImages[i]! -= mean[i % INPUT]!;
  }
  const poolX: Tensor[] = [];
  const poolY: Tensor[] = [];
  const poolXT: Tensor[] = [];
  for (let p = 0; p < poolBatches; p++) {
    const x = new Float32Array(B * INPUT);
    const y = new Float32Array(B * CLASSES);
    for (let r = 0; r < B; r++) {
      const idx = order[(p * B + r) % split.train]!;
      x.set(trainImages.subarray(idx * INPUT, (idx + 1) * INPUT), r * INPUT);
      y[r * CLASSES + data.labels[idx]!] = 1;
    }
    poolX.push(tf.tensor2d(x, [B, INPUT]));
    poolXT.push(tf.tidy(() => tf.transpose(poolX[p]!)));
    poolY.push(tf.tensor2d(y, [B, CLASSES]));
  }
  const evalX = tf.tensor2d(evalImages, [evalN, INPUT]);
  const heldLabels = data.labels.slice(split.train + split.probe, split.train + evalN);
  const heldImages = evalImages.subarray(split.probe * INPUT);
  const heldPixelVar = (() => {
    let mean = 0;
    for (const v of heldImages) mean += v;
    mean /= heldImages.length;
    let s = 0;
    for (const v of heldImages) s += (v - mean) ** 2;
    return s;
  })();
  const heldXTensor = cfg.task === 'autoencoder' ? tf.tensor2d(heldImages, [split.held, INPUT]) : null;
  /** What the stitching layers are trained on: the probe digits' one-hot labels, or the digits themselves. */
  const probeTarget = (() => {
    if (cfg.task === 'autoencoder') return tf.tensor2d(evalImages.subarray(0, split.probe * INPUT), [split.probe, INPUT]);
    const y = new Float32Array(split.probe * CLASSES);
    for (let r = 0; r < split.probe; r++) y[r * CLASSES + data.labels[split.train + r]!] = 1;
    return tf.tensor2d(y, [split.probe, CLASSES]);
  })();
  return { poolBatches, poolX, poolXT, poolY, evalX, evalN, heldLabels, heldPixelVar, heldXTensor, probeTarget };
}
