/**
 * Stitching layers trained on the task loss (Godfrey et al. §4, pnnl/modelsym stitching.py):
 * network A up to hidden layer l, then an affine stitching layer y = x M + c, then network B from
 * layer l on, with both networks frozen and only the stitching layer trained (Adam, hand-written
 * backprop) on the task's own loss — cross-entropy for the classifier, squared error for the
 * autoencoder. Four restrictions of M, trained side by side as one batched problem:
 *
 *   full         M free (d×d)
 *   group        M in the activation's intertwiner group: P·diag(eᶿ) with θ trained (ReLU,
 *                leaky-ReLU), P·diag(±1) or P fixed (tanh, GELU), or orthogonal (isotropic tanh;
 *                kept orthogonal by a Newton–Schulz polar step after every update)
 *   permutation  M = P fixed
 *   lowRank      M = U V, U d×r, V r×d
 *
 * The offset c is trained in every kind. P is the assignment of A's neurons to B's on the probe
 * set (the paper learns it by projected gradient descent on the Birkhoff polytope; an assignment
 * on the activations is the same kind of object, found faster). Every kind starts from the
 * corresponding least-squares fit (full: the linear map; lowRank: its best rank-r part), so a
 * few dozen full-batch-sized steps (60 of 256 digits by default) suffice.
 */
import { tf, type Tensor } from '../../engine/tf';
import type { Rng } from '../../engine/rng';
import type { FittedMap, MapKind } from '../../analysis/alignment';
import { type ActivationSpec } from '../../analysis/activation-values';
import { applyActivation } from '../../nn/activations';
import { activationBackward } from './activation-grads';
import { lowRankFactors } from '../../analysis/low-rank';
import { matMul } from '../../nn/batched-matmul';
import { gatherRows } from '../../nn/gather-rows';

import { STITCH_KINDS } from './stitching-kinds';

export interface StitchSettings {
  steps: number;
  batch: number;
  lr: number;
  rank: number;
}

export const STITCH_DEFAULTS: StitchSettings = { steps: 60, batch: 256, lr: 1e-2, rank: 4 };

export interface StitchProblem {
  /** A's hidden layer l on the stitch-training digits [n, d] and on the held-out digits [nh, d]. */
  trainA: Tensor;
  heldA: Tensor;
  /** Targets of the stitch-training digits: one-hot labels [n, 10] or the images [n, 784]. */
  target: Tensor;
  classifier: boolean;
  /** B's weight layers after hidden layer l: [in, out] and [1, out]. */
  tail: Array<{ w: Tensor; b: Tensor }>;
  spec: ActivationSpec;
  /** The activation's intertwiner family (one of the map kinds). */
  groupKind: MapKind;
  /** Least-squares fits on the probe set: the linear map, the group's map and the permutation. */
  fits: { linear: FittedMap; group: FittedMap; permutation: FittedMap };
}

/** M as a [d, d] tensor and the offset c = μ_B − μ_A M that makes x M + c the fitted affine map. */
function affine(map: FittedMap): { M: Float32Array; c: Float32Array } {
  const { rows, cols, data } = map.M;
  const c = new Float32Array(cols);
  for (let j = 0; j < cols; j++) {
    let s = map.meanB[j]!;
    for (let i = 0; i < rows; i++) s -= map.meanA[i]! * data[i * cols + j]!;
    c[j] = s;
  }
  return { M: Float32Array.from(data), c };
}

interface AdamSlot {
  value: Tensor;
  m: Tensor;
  v: Tensor;
}

const slot = (value: Tensor): AdamSlot => ({ value, m: tf.zerosLike(value), v: tf.zerosLike(value) });

function adamStep(s: AdamSlot, grad: Tensor, lr: number, t: number): void {
  const [b1, b2] = [0.9, 0.999];
  const next = tf.tidy(() => {
    const m = tf.add(tf.mul(s.m, b1), tf.mul(grad, 1 - b1));
    const v = tf.add(tf.mul(s.v, b2), tf.mul(tf.square(grad), 1 - b2));
    const step = tf.div(tf.div(m, 1 - b1 ** t), tf.add(tf.sqrt(tf.div(v, 1 - b2 ** t)), 1e-8));
    return [tf.sub(s.value, tf.mul(step, lr)), m, v];
  });
  tf.dispose([s.value, s.m, s.v]);
  [s.value, s.m, s.v] = next as [Tensor, Tensor, Tensor];
}

/** Two Newton–Schulz steps towards the nearest orthogonal matrix: X ← X (3I − XᵀX) / 2. */
function orthogonalise(x: Tensor): Tensor {
  return tf.tidy(() => {
    let y = x;
    const eye = tf.eye(x.shape[0]);
    for (let i = 0; i < 2; i++) y = tf.mul(tf.matMul(y, tf.sub(tf.mul(eye, 3), matMul(y, y, true, false))), 0.5);
    return y;
  });
}

/**
 * Trains the four stitching layers and returns B's outputs on the held-out digits through each,
 * as one [4·nh, out] tensor (kinds in STITCH_KINDS order). The caller disposes it.
 */
export function trainStitches(p: StitchProblem, rng: Rng, settings: StitchSettings = STITCH_DEFAULTS): Tensor {
  const K = STITCH_KINDS.length;
  const [n, d] = p.trainA.shape as [number, number];
  const rank = Math.max(1, Math.min(settings.rank, d));
  const full = affine(p.fits.linear);
  const group = affine(p.fits.group);
  const perm = affine(p.fits.permutation);
  const low = lowRankFactors(p.fits.linear.M, rank);
  const scaled = p.groupKind === 'scaled-permutation';
  const freeGroup = p.groupKind === 'orthogonal' || p.groupKind === 'linear';

  const Mf = slot(tf.tensor2d(full.M, [d, d]));
  const cAll = new Float32Array(K * d);
  [full.c, group.c, perm.c, full.c].forEach((c, k) => cAll.set(c, k * d));
  const C = slot(tf.tensor3d(cAll, [K, 1, d]));
  // group: P·diag(e^θ) with the fitted scales, an orthogonal M, or a fixed signed/bare permutation.
  const groupFixed = tf.tensor2d(scaled ? permutationOf(p.fits.group, d) : group.M, [d, d]);
  const theta = scaled ? slot(tf.tensor2d(scaledLogs(group.M, d), [1, d])) : null;
  const Mg = freeGroup ? slot(tf.tensor2d(group.M, [d, d])) : null;
  const Pp = tf.tensor2d(perm.M, [d, d]);
  const U = slot(tf.tensor2d(low.u, [d, rank]));
  const V = slot(tf.tensor2d(low.v, [rank, d]));

  const groupMatrix = (): Tensor => (theta ? tf.mul(groupFixed, tf.exp(theta.value)) : Mg ? Mg.value : groupFixed);
  /** The K maps side by side, [M_full | M_group | P | U V] ([d, K·d]): x times it is one product, not K. */
  const mapsSideBySide = (): Tensor => tf.concat([Mf.value, groupMatrix(), Pp, tf.matMul(U.value, V.value)], 1);

  /** B's tail on [K·m, d] rows; returns the output and what backprop needs. */
  const tailForward = (h0: Tensor) => {
    const zs: Tensor[] = [];
    const hs: Tensor[] = [h0];
    let z = h0;
    p.tail.forEach((layer, i) => {
      z = tf.add(tf.matMul(hs[i]!, layer.w), layer.b);
      if (i < p.tail.length - 1) {
        zs.push(z);
        hs.push(applyActivation(p.spec, z));
      }
    });
    return { out: z, zs, hs };
  };

  /** [a, K·b] (kinds side by side) → [K, a, b] (kinds stacked). */
  const stacked = (t: Tensor, a: number, b: number): Tensor => tf.transpose(tf.reshape(t, [a, K, b]), [1, 0, 2]);
  /** Rows x [m, d] through every kind's map: [K·m, d], kind by kind. */
  const stitchRows = (x: Tensor): Tensor => {
    const m = x.shape[0];
    return tf.reshape(tf.add(stacked(tf.matMul(x, mapsSideBySide()), m, d), C.value), [K * m, d]);
  };

  for (let t = 1; t <= settings.steps; t++) {
    const idx = Int32Array.from({ length: Math.min(settings.batch, n) }, () => rng.int(n));
    const grads = tf.tidy(() => {
      const m = idx.length;
      const x = gatherRows(p.trainA, idx);
      const y = tf.concat(Array<Tensor>(K).fill(gatherRows(p.target, idx)));
      const { out, zs, hs } = tailForward(stitchRows(x));
      // Each kind's mean loss over the batch (the kinds share nothing, so their sum trains each).
      let dZ = p.classifier ? tf.div(tf.sub(tf.softmax(out), y), m) : tf.mul(tf.sub(out, y), 2 / (m * y.shape[1]!));
      for (let i = p.tail.length - 1; i >= 0; i--) {
        const dH = matMul(dZ, p.tail[i]!.w, false, true);
        dZ = i > 0 ? activationBackward(p.spec, zs[i - 1]!, hs[i]!, dH) : dH;
      }
      // ∂L/∂M and ∂L/∂c of every kind from the kinds' ∂L/∂(x M + c) side by side, [m, K·d]:
      // xᵀ times it, and a row of ones times it (one packed right-hand side for both products).
      const dH0 = tf.reshape(tf.transpose(tf.reshape(dZ, [K, m, d]), [1, 0, 2]), [m, K * d]);
      const dM = stacked(tf.matMul(tf.transpose(x), dH0), d, d);
      const dC = tf.reshape(tf.matMul(tf.ones([1, m]), dH0), [K, 1, d]);
      const part = (t3: Tensor, k: number) => tf.reshape(tf.slice(t3, [k, 0, 0], [1, d, d]), [d, d]);
      const g: Tensor[] = [part(dM, 0), dC];
      const dLow = part(dM, 3);
      g.push(matMul(dLow, V.value, false, true), matMul(U.value, dLow, true, false));
      const dGroup = part(dM, 1);
      if (theta) g.push(tf.mul(tf.sum(tf.mul(groupFixed, dGroup), 0, true), tf.exp(theta.value)));
      else if (Mg) g.push(dGroup);
      return g;
    });
    adamStep(Mf, grads[0]!, settings.lr, t);
    adamStep(C, grads[1]!, settings.lr, t);
    adamStep(U, grads[2]!, settings.lr, t);
    adamStep(V, grads[3]!, settings.lr, t);
    if (theta) adamStep(theta, grads[4]!, settings.lr, t);
    if (Mg) adamStep(Mg, grads[4]!, settings.lr, t);
    if (Mg && p.groupKind === 'orthogonal') {
      const o = orthogonalise(Mg.value);
      Mg.value.dispose();
      Mg.value = o;
    }
    tf.dispose(grads);
  }

  const held = tf.tidy(() => tailForward(stitchRows(p.heldA)).out);
  const slots = [Mf, C, U, V, ...(theta ? [theta] : []), ...(Mg ? [Mg] : [])];
  tf.dispose([groupFixed, Pp, ...slots.flatMap((s) => [s.value, s.m, s.v])]);
  return held;
}

/** The 0/1 matrix of a permutation-type map's matching. */
function permutationOf(map: FittedMap, d: number): Float32Array {
  const out = new Float32Array(d * d);
  map.matching?.forEach((j, i) => {
    if (j >= 0) out[i * d + j] = 1;
  });
  return out;
}

/** log of the fitted positive scales of P·diag(s) (floored, so that a zero scale can grow back). */
function scaledLogs(m: Float32Array, d: number): Float32Array {
  const out = new Float32Array(d).fill(Math.log(1e-2));
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) if (m[i * d + j]! > 0) out[j] = Math.log(Math.max(1e-2, m[i * d + j]!));
  return out;
}
