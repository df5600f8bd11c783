/**
 * The intertwiner lab's networks (DESIGN §5.5): for every activation, two networks of the same
 * architecture (A and B, different initial weights, the same data stream) trained on MNIST —
 * a classifier 784→h→h→10 or an autoencoder 784→h→k→h→784 — all 2·(activations) networks in
 * one graph: the first layer is one fused [784, G·h] matMul, later layers batched products
 * (nn/batched-matmul.ts).
 * Init A and init B are shared by every activation, so activations differ only in σ.
 *
 * Digits: the shuffled asset's prefix trains; two disjoint slices after it are the probe set
 * (maps are fitted there) and the held-out set (maps are scored and stitched networks run there).
 *
 * The alignment analysis (every map for every activation and hidden layer, plus the stitched
 * networks) is the run's analysis, in the worker: the engine decides when the fits run
 * (engine/analysis-budget.ts), each with its rotation null; the stitching layers' training, which
 * costs seconds, runs when the run has settled and, while the page plays, at most a tenth of the time.
 */
import { tf, type Tensor, type Variable } from '../../engine/tf';
import { adam } from '../../nn/adam';
import { batchedMatMul } from '../../nn/batched-matmul';
import type { Rng } from '../../engine/rng';
import type { NamedTensor } from '../../engine/lab';
import type { MnistData } from '../../data/mnist';
import { CLASSES, INPUT, prepareDigits, type DataSplit } from './digits';
export type { DataSplit };
import { applyActivation } from '../../nn/activations';
import { correlationFromStats, fitMapFromStats, MAP_KINDS } from '../../analysis/alignment';
import { probeStatsOf } from '../../analysis/pair-gram';
import { rotationNull } from '../../analysis/rotation-null';
import { gReluProcrustesSimilarity, orthogonalProcrustesSimilarity } from '../../analysis/procrustes-similarity';
import { createRng } from '../../engine/rng';
import { ACTIVATION_SPECS, GROUP_MAP, type ActivationId } from './activations';
import { probeAndHeldGrams } from './grams';
import { trainStitches } from './stitching';
import { STITCH_KINDS } from './stitching-kinds';
import { activationBackward } from './activation-grads';
import { ownedRun, variableSlot, type OwnedRun, type AnalysisContext } from '../../engine/owned-run';
import { AnalysisBudget } from '../../engine/analysis-budget';

import { layerDims, type Task } from './layers';
export { layerDims, type Task };

export interface IntertwinerConfig {
  task: Task;
  activations: readonly ActivationId[];
  hidden: number;
  bottleneck: number;
  batch: number;
  lr: number;
  /** Subtract the mean training digit from every input. */
  centreInputs: boolean;
  /** Digits in the probe-fit and held-out sets (each). */
  probe?: number;
  /** Multiplies every layer's Glorot initial standard deviation (small: the rich, feature-learning regime). */
  initScale?: number;
  /** Decoupled (AdamW-style) weight decay on the weight matrices: w ← w − lr·wd·w after each step. */
  weightDecay?: number;
}

/** While the page plays: the stitching layers' training (the most expensive part of a fit) at most this often and this share of the time. */
const STITCH_MIN_INTERVAL_MS = 3000;
const STITCH_MAX_SHARE = 0.1;
/** Random rotations of B's hidden space in the rotation null, and the seeds of the null and the stitching batches. */
export const NULL_ROTATIONS = 8;
const NULL_SEED = 0x6e75;
const STITCH_SEED = 0x5717;

export function splitDigits(count: number, probe = 1000): DataSplit {
  const p = Math.max(50, Math.min(probe, Math.floor(count / 10)));
  if (count < 4 * p) throw new Error(`the MNIST asset has only ${count} digits; need at least ${4 * p}`);
  return { train: count - 2 * p, probe: p, held: p };
}

export interface IntertwinerRun extends OwnedRun {
  readonly config: IntertwinerConfig;
  /** Seconds spent on the latest fit. */
  lastFitMs(): number;
}

function glorot(rng: Rng, fanIn: number, fanOut: number, scale = 1): Float32Array {
  const std = scale * Math.sqrt(2 / (fanIn + fanOut));
  const out = new Float32Array(fanIn * fanOut);
  for (let i = 0; i < out.length; i++) out[i] = rng.normal() * std;
  return out;
}

let instanceCounter = 0;

export function createIntertwinerModel(cfg: IntertwinerConfig, data: MnistData, rng: Rng): IntertwinerRun {
  const acts = cfg.activations;
  if (acts.length === 0) throw new Error('choose at least one activation');
  const G = 2 * acts.length;
  const dims = layerDims(cfg);
  const L = dims.length - 2; // hidden layers
  const W = dims.length - 1; // weight layers
  const B = cfg.batch;
  const split = splitDigits(data.count, cfg.probe);
  const id = instanceCounter++;

  // ---- data: a pool of pre-made batches, and the probe + held-out set as one tensor ----------
  const { poolBatches, poolX, poolXT, poolY, evalX, evalN, heldLabels, heldPixelVar, heldXTensor, probeTarget } = prepareDigits(
    cfg,
    data,
    split,
    rng,
  );

  // ---- parameters: init A and init B, shared by every activation ------------------------------
  const initScale = cfg.initScale ?? 1;
  const initA = dims.slice(1).map((out, l) => glorot(rng, dims[l]!, out, initScale));
  const initB = dims.slice(1).map((out, l) => glorot(rng, dims[l]!, out, initScale));
  const decay = 1 - cfg.lr * (cfg.weightDecay ?? 0);
  const h0 = dims[1]!;
  const first = new Float32Array(INPUT * G * h0);
  for (let g = 0; g < G; g++) {
    const w = g % 2 === 0 ? initA[0]! : initB[0]!;
    for (let i = 0; i < INPUT; i++) first.set(w.subarray(i * h0, (i + 1) * h0), i * G * h0 + g * h0);
  }
  const vars: Variable[] = [];
  vars.push(tf.tidy(() => tf.variable(tf.tensor2d(first, [INPUT, G * h0]), true, `iw0_${id}`)));
  vars.push(tf.tidy(() => tf.variable(tf.zeros([1, G * h0]), true, `ib0_${id}`)));
  for (let l = 1; l < W; l++) {
    const [i, o] = [dims[l]!, dims[l + 1]!];
    const w = new Float32Array(G * i * o);
    for (let g = 0; g < G; g++) w.set(g % 2 === 0 ? initA[l]! : initB[l]!, g * i * o);
    vars.push(tf.tidy(() => tf.variable(tf.tensor3d(w, [G, i, o]), true, `iw${l}_${id}`)));
    vars.push(tf.tidy(() => tf.variable(tf.zeros([G, 1, o]), true, `ib${l}_${id}`)));
  }
  const optimizer = adam(cfg.lr);

  const activate = (z: Tensor): Tensor => {
    // z: [G, N, d]; models 2a and 2a+1 use activation a.
    if (acts.length === 1) return applyActivation(ACTIVATION_SPECS[acts[0]!], z);
    const [, n, d] = z.shape as [number, number, number];
    const parts = acts.map((a, i) => applyActivation(ACTIVATION_SPECS[a], tf.slice(z, [2 * i, 0, 0], [2, n, d])));
    return tf.concat(parts, 0);
  };

  /** Post-activation hidden layers [G, N, d_l] and the output [G, N, out]. */
  const forward = (x: Tensor): { hidden: Tensor[]; out: Tensor } => {
    const n = x.shape[0];
    const pre0 = tf.add(tf.matMul(x, vars[0]!), vars[1]!);
    let h = activate(tf.transpose(tf.reshape(pre0, [n, G, h0]), [1, 0, 2]));
    const hidden = [h];
    for (let l = 1; l < W; l++) {
      const z = tf.add(batchedMatMul(h, vars[2 * l]!), vars[2 * l + 1]!);
      if (l === W - 1) return { hidden, out: z };
      h = activate(z);
      hidden.push(h);
    }
    throw new Error('unreachable');
  };

  const onesRow = tf.ones([G, 1, B]);
  const onesRow2d = tf.ones([1, B]);

  /** Per activation pair: ∂L/∂z for [G, B, d] tensors. */
  const backward = (z: Tensor, h: Tensor, delta: Tensor): Tensor => {
    if (acts.length === 1) return activationBackward(ACTIVATION_SPECS[acts[0]!], z, h, delta);
    const [, n, d] = z.shape as [number, number, number];
    const part = (t: Tensor, i: number) => tf.slice(t, [2 * i, 0, 0], [2, n, d]);
    return tf.concat(
      acts.map((a, i) => activationBackward(ACTIVATION_SPECS[a], part(z, i), part(h, i), part(delta, i))),
      0,
    );
  };

  /** One Adam step with hand-written backprop; the loss (mean over the G networks) when asked. */
  const trainStep = (withLoss: boolean): Tensor | undefined => {
    const p = rng.int(poolBatches);
    const x = poolX[p]!;
    const xT = poolXT[p]!;
    const y = poolY[p]!;
    {
      const zs: Tensor[] = [];
      const hs: Tensor[] = [];
      const pre0 = tf.add(tf.matMul(x, vars[0]!), vars[1]!);
      zs.push(tf.transpose(tf.reshape(pre0, [B, G, h0]), [1, 0, 2]));
      hs.push(activate(zs[0]!));
      let out: Tensor | null = null;
      for (let w = 1; w < W; w++) {
        const z = tf.add(batchedMatMul(hs[w - 1]!, vars[2 * w]!), vars[2 * w + 1]!);
        if (w === W - 1) out = z;
        else {
          zs.push(z);
          hs.push(activate(z));
        }
      }
      let dZ: Tensor;
      let value: Tensor | undefined;
      if (cfg.task === 'classifier') {
        // Σ_models mean_batch cross-entropy: ∂/∂logits = (softmax − y)/B.
        const logp = tf.logSoftmax(out!);
        dZ = tf.div(tf.sub(tf.exp(logp), y), B);
        if (withLoss) value = tf.div(tf.neg(tf.sum(tf.mul(logp, y))), B * G);
      } else {
        // Σ_models mean_batch mean_pixel squared error.
        const diff = tf.sub(out!, x);
        dZ = tf.mul(diff, 2 / (B * INPUT));
        if (withLoss) value = tf.div(tf.sum(tf.square(diff)), B * INPUT * G);
      }
      const grads: Array<{ name: string; tensor: Tensor }> = [];
      for (let w = W - 1; w >= 1; w--) {
        const hIn = hs[w - 1]!;
        grads.push({ name: vars[2 * w]!.name, tensor: batchedMatMul(tf.transpose(hIn, [0, 2, 1]), dZ) });
        grads.push({ name: vars[2 * w + 1]!.name, tensor: batchedMatMul(onesRow, dZ) });
        const dH = batchedMatMul(dZ, tf.transpose(vars[2 * w]!, [0, 2, 1]));
        dZ = backward(zs[w - 1]!, hIn, dH);
      }
      const flat = tf.reshape(tf.transpose(dZ, [1, 0, 2]), [B, G * h0]);
      grads.push({ name: vars[0]!.name, tensor: tf.matMul(xT, flat) });
      grads.push({ name: vars[1]!.name, tensor: tf.matMul(onesRow2d, flat) });
      optimizer.applyGradients(grads);
      if (decay !== 1) for (let w = 0; w < W; w++) vars[2 * w]!.assign(tf.mul(vars[2 * w]!, decay));
      return value;
    }
  };

  // ---- the alignment analysis ----------------------------------------------------------------
  let fit: Record<string, NamedTensor> | null = null;
  let fitMs = 0;
  let stitchStep = -1;
  const stitchBudget = new AnalysisBudget(STITCH_MAX_SHARE, STITCH_MIN_INTERVAL_MS);

  /** B's network from hidden layer l (1-based) on, applied to rows of h ([M·N, d_l]). */
  const tailOfB = (a: number, l: number, h: Tensor): Tensor => {
    const g = 2 * a + 1;
    let z = h;
    for (let w = l; w < W; w++) {
      const [i, o] = [dims[w]!, dims[w + 1]!];
      const weight = tf.reshape(tf.slice(vars[2 * w]!, [g, 0, 0], [1, i, o]), [i, o]);
      const bias = tf.reshape(tf.slice(vars[2 * w + 1]!, [g, 0, 0], [1, 1, o]), [1, o]);
      z = tf.add(tf.matMul(z, weight), bias);
      if (w < W - 1) z = applyActivation(ACTIVATION_SPECS[acts[a]!], z);
    }
    return z;
  };

  /** B's weight layers after hidden layer l, as [in, out] and [1, out] tensors (the caller disposes them). */
  const tailLayersOfB = (a: number, l: number): Array<{ w: Tensor; b: Tensor }> => {
    const g = 2 * a + 1;
    const out: Array<{ w: Tensor; b: Tensor }> = [];
    for (let w = l; w < W; w++) {
      const [i, o] = [dims[w]!, dims[w + 1]!];
      out.push(
        tf.tidy(() => ({
          w: tf.reshape(tf.slice(vars[2 * w]!, [g, 0, 0], [1, i, o]), [i, o]),
          b: tf.reshape(tf.slice(vars[2 * w + 1]!, [g, 0, 0], [1, 1, o]), [1, o]),
        })),
      );
    }
    return out;
  };

  /** Held-out score of outputs [M·N, out] as M numbers: accuracy, or reconstruction R². */
  const scoreOutputs = async (out: Tensor, m: number): Promise<Float32Array> => {
    const n = split.held;
    if (cfg.task === 'classifier') {
      const pred = tf.tidy(() => tf.argMax(tf.reshape(out, [m, n, CLASSES]), 2));
      const p = await pred.data();
      pred.dispose();
      const acc = new Float32Array(m);
      for (let k = 0; k < m; k++) {
        let right = 0;
        for (let r = 0; r < n; r++) if (p[k * n + r] === heldLabels[r]) right++;
        acc[k] = right / n;
      }
      return acc;
    }
    const sse = tf.tidy(() => tf.sum(tf.square(tf.sub(tf.reshape(out, [m, n, INPUT]), heldXTensor!)), [1, 2]));
    const s = (await sse.data()) as Float32Array;
    sse.dispose();
    return s.map((v) => 1 - v / heldPixelVar);
  };

  /** The alignment of A's layer l with B's against NULL_ROTATIONS random rotations of B's hidden space (pure, on the Gram statistics). */
  const nullBandOf = (a: number, l: number, grams: NonNullable<Awaited<ReturnType<typeof probeAndHeldGrams>>>): Float32Array => {
    const K = MAP_KINDS.length;
    const band = new Float32Array(K * 4);
    const rn = rotationNull(grams.probe, grams.held, createRng(NULL_SEED + 101 * a + l), { rotations: NULL_ROTATIONS });
    MAP_KINDS.forEach((_, k) => band.set([rn.observed[k]!, rn.nullMean[k]!, rn.nullLow[k]!, rn.nullHigh[k]!], k * 4));
    return band;
  };

  /** The stitching layers trained onto B's tail from A's layer l, scored on the held-out digits. */
  const stitchesOf = async (a: number, l: number, ha: Tensor, maps: ReturnType<typeof fitMapFromStats>[]): Promise<Float32Array> => {
    const d = dims[l]!;
    const nh = split.held;
    const pick = (k: (typeof MAP_KINDS)[number]) => maps[MAP_KINDS.indexOf(k)]!;
    const tail = tailLayersOfB(a, l);
    const [trainA, heldA] = tf.tidy(() => [tf.slice(ha, [0, 0], [split.probe, d]), tf.slice(ha, [split.probe, 0], [nh, d])]);
    const held = trainStitches(
      {
        trainA: trainA,
        heldA: heldA,
        target: probeTarget,
        classifier: cfg.task === 'classifier',
        tail,
        spec: ACTIVATION_SPECS[acts[a]!],
        groupKind: GROUP_MAP[acts[a]!],
        fits: { linear: pick('linear'), group: pick(GROUP_MAP[acts[a]!]), permutation: pick('permutation') },
      },
      createRng(STITCH_SEED + 101 * a + l),
    );
    tf.dispose([trainA, heldA, ...tail.flatMap((t) => [t.w, t.b])]);
    const scores = await scoreOutputs(held, STITCH_KINDS.length);
    held.dispose();
    return scores;
  };

  const runFit = async (ctx: AnalysisContext<string>): Promise<Record<string, NamedTensor>> => {
    const stepCount = ctx.step;
    const t0 = performance.now();
    const K = MAP_KINDS.length;
    const nAct = acts.length;
    const nh = split.held;
    const { hidden, out } = tf.tidy(() => {
      const f = forward(evalX);
      // Held-out part of the output for each network's own score.
      const o = tf.slice(f.out, [0, split.probe, 0], [G, nh, dims[W]!]);
      return { hidden: f.hidden, out: tf.reshape(o, [G * nh, dims[W]!]) };
    });
    const own = await scoreOutputs(out, G);
    out.dispose();
    const residual = new Float32Array(nAct * L * K);
    const stitched = new Float32Array(nAct * L * K);
    const nullBand = new Float32Array(nAct * L * K * 4);
    const similarity = new Float32Array(nAct * L * 2);
    const stitchNow = stitchDue(ctx);
    let stitchTime = 0;
    const stitchScore = new Float32Array(nAct * L * STITCH_KINDS.length);
    const tensors: Record<string, NamedTensor> = {};
    let diverged = false;
    try {
      for (let a = 0; a < nAct && !diverged; a++) {
        for (let l = 1; l <= L; l++) {
          const d = dims[l]!;
          const [ha, hb] = tf.tidy(() => {
            const h = hidden[l - 1]!;
            const pick = (g: number) => tf.reshape(tf.slice(h, [g, 0, 0], [1, evalN, d]), [evalN, d]);
            return [pick(2 * a), pick(2 * a + 1)];
          });
          const grams = await probeAndHeldGrams(ha, hb, d, split.probe, nh);
          if (!grams) {
            tf.dispose([ha, hb]);
            diverged = true;
            break;
          }
          const stats = probeStatsOf(grams.probe);
          const corr = correlationFromStats(stats);
          const maps = MAP_KINDS.map((k) => fitMapFromStats(k, stats, corr));
          const mcat = new Float32Array(d * K * d);
          maps.forEach((m, k) => {
            for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) mcat[i * K * d + k * d + j] = m.M.data[i * d + j]!;
          });
          const [res, outputs] = tf.tidy(() => {
            const heldA = tf.slice(ha, [split.probe, 0], [nh, d]);
            const heldB = tf.slice(hb, [split.probe, 0], [nh, d]);
            const muA = tf.tensor2d(Float32Array.from(stats.meanA), [1, d]);
            const muB = tf.tensor3d(Float32Array.from(stats.meanB), [1, 1, d]);
            const flat = tf.matMul(tf.sub(heldA, muA), tf.tensor2d(mcat, [d, K * d]));
            const pred = tf.add(tf.transpose(tf.reshape(flat, [nh, K, d]), [1, 0, 2]), muB);
            const target = tf.sub(heldB, tf.div(tf.matMul(tf.ones([1, nh]), heldB), nh));
            const r = tf.div(tf.sum(tf.square(tf.sub(pred, heldB)), [1, 2]), tf.sum(tf.square(target)));
            return [r, tailOfB(a, l, tf.reshape(pred, [K * nh, d]))];
          });
          const scores = await scoreOutputs(outputs, K);
          const r = (await res.data()) as Float32Array;
          tf.dispose([res, outputs]);
          const cell = a * L + (l - 1);
          residual.set(r, cell * K);
          stitched.set(scores, cell * K);
          similarity.set([gReluProcrustesSimilarity(grams.probe), orthogonalProcrustesSimilarity(grams.probe)], cell * 2);
          nullBand.set(nullBandOf(a, l, grams), cell * K * 4);
          if (stitchNow) {
            const ts = performance.now();
            stitchScore.set(await stitchesOf(a, l, ha, maps), cell * STITCH_KINDS.length);
            stitchTime += performance.now() - ts;
          }
          tf.dispose([ha, hb]);
          tensors[`corr_${a}_${l}`] = { shape: [d, d], data: Float32Array.from(corr.data) };
          tensors[`match_${a}_${l}`] = { shape: [d], data: Float32Array.from(maps[MAP_KINDS.indexOf('permutation')]!.matching!) };
        }
      }
    } finally {
      tf.dispose(hidden);
    }
    if (diverged) return fit ?? {}; // non-finite activations: keep the previous fit
    // The cheap fits' own time: it sets how often they may run, and stitching must not slow them down.
    fitMs = performance.now() - t0 - stitchTime;
    tensors.residual = { shape: [nAct, L, K], data: residual };
    tensors.stitched = { shape: [nAct, L, K], data: stitched };
    tensors.similarity = { shape: [nAct, L, 2], data: similarity };
    tensors.ownScore = { shape: [nAct, 2], data: own };
    tensors.fitInfo = { shape: [3], data: Float32Array.from([stepCount, fitMs, stepCount]) };
    tensors.nullBand = { shape: [nAct, L, K, 4], data: nullBand };
    if (stitchNow) {
      stitchBudget.spent(stitchTime);
      stitchStep = stepCount;
      tensors.stitchScore = { shape: [nAct, L, STITCH_KINDS.length], data: stitchScore };
      tensors.stitchInfo = { shape: [3], data: Float32Array.from([stepCount, stitchTime, NULL_ROTATIONS]) };
    } else if (fit?.stitchScore && fit.stitchInfo) {
      // Kept from the latest stopped or throttled fit; stitchInfo says at which step.
      tensors.stitchScore = fit.stitchScore;
      tensors.stitchInfo = fit.stitchInfo;
    }
    fit = tensors;
    return tensors;
  };

  /**
   * Stitching trains four layers per activation and hidden layer, which costs seconds, so it runs
   * when the run has settled (the runner's final snapshot; a paused page) and, while the page plays,
   * at most a tenth of the time (a pass stops training for seconds). Untrained networks have nothing to stitch.
   */
  const stitchDue = (ctx: AnalysisContext<string>): boolean => {
    if (stitchStep === ctx.step || ctx.step === 0) return false;
    if (ctx.settled) return true;
    return !ctx.fresh && stitchBudget.due();
  };

  const weights: Record<string, ReturnType<typeof variableSlot>> = {};
  vars.forEach((v, i) => (weights[`p${i}`] = variableSlot(v)));

  const run = ownedRun({
    weights,
    owned: [
      optimizer,
      ...poolX,
      ...poolXT,
      ...poolY,
      evalX,
      probeTarget,
      onesRow,
      onesRow2d,
      ...vars,
      ...(heldXTensor ? [heldXTensor] : []),
    ],
    trainStep,
    analyse: runFit,
    onRestore: () => {
      stitchStep = -1;
    },
  });
  return { ...run, config: cfg, lastFitMs: () => fitMs };
}
