/**
 * AdamW (decoupled weight decay, Loshchilov & Hutter) with a cosine learning-rate schedule, for
 * hand-written gradients. tfjs ships Adam but not AdamW, so the update is written out:
 *   lr_t = lr · (f + (1 − f) · ½(1 + cos(π · min(t, T) / T)))     (f = final fraction)
 *   p ← p − lr_t · λ · p                                         (decay: only where λ applies)
 *   m ← β₁ m + (1 − β₁) g,  v ← β₂ v + (1 − β₂) g²
 *   p ← p − lr_t · m̂ / (√v̂ + ε),  m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ)
 * as in torch.optim.AdamW driven by a CosineAnnealingLR.
 */
import { tf, type Tensor, type Variable } from '../../engine/tf';
import { fusedUpdate, inMomentKernel } from '../../nn/adam';
import { adamWKernel } from '../../nn/adam-wasm-kernel';

export interface AdamWConfig {
  lr: number;
  weightDecay: number;
  /** Steps over which the cosine schedule falls to finalFraction · lr. */
  horizon: number;
  finalFraction?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export function cosineLr(cfg: Pick<AdamWConfig, 'lr' | 'horizon' | 'finalFraction'>, t: number): number {
  const f = cfg.finalFraction ?? 0;
  const T = Math.max(1, cfg.horizon);
  const p = Math.min(Math.max(t, 0), T) / T;
  return cfg.lr * (f + (1 - f) * 0.5 * (1 + Math.cos(Math.PI * p)));
}

/** The scalars of one AdamW update (float64; tfjs rounds each to float32 where it is used). */
export interface AdamWScalars {
  lr: number;
  /** lr / (1 − β₁ᵗ). */
  lrOverC1: number;
  /** 1 / (1 − β₂ᵗ). */
  invC2: number;
  /** 1 − lr·λ, the decay factor of decayed parameters. */
  decay: number;
}

/** AdamW's step counters: the cosine schedule's step, and the updates since the moments were zeroed. */
export class AdamWSchedule {
  /** Steps taken: drives the cosine schedule. */
  t = 0;
  /** Updates since the moments were last zeroed: drives Adam's bias correction. */
  private sinceReset = 0;

  constructor(readonly cfg: AdamWConfig) {}

  /** The learning rate the next update uses. */
  currentLr(): number {
    return cosineLr(this.cfg, this.t);
  }

  /** The scalars of the next update; advances the counters. */
  next(): AdamWScalars {
    const b1 = this.cfg.beta1 ?? 0.9;
    const b2 = this.cfg.beta2 ?? 0.999;
    const lr = this.currentLr();
    this.t++;
    this.sinceReset++;
    const c1 = 1 - b1 ** this.sinceReset;
    const c2 = 1 - b2 ** this.sinceReset;
    return { lr, lrOverC1: lr / c1, invC2: 1 / c2, decay: 1 - lr * this.cfg.weightDecay };
  }

  /** After the moments are zeroed, at step t. */
  reset(t: number): void {
    this.t = t;
    this.sinceReset = 0;
  }
}

export interface AdamWParam {
  variable: Variable;
  /** Whether weight decay applies (weights yes, biases no). */
  decay: boolean;
}

export class AdamW {
  private readonly m: Variable[];
  private readonly v: Variable[];
  private readonly schedule: AdamWSchedule;

  constructor(
    private readonly params: AdamWParam[],
    readonly cfg: AdamWConfig,
    /** One wasm kernel a step for the small parameters (the default on wasm); false keeps the op-by-op graph (for comparisons). */
    private readonly fused = tf.getBackend() === 'wasm',
  ) {
    this.schedule = new AdamWSchedule(cfg);
    this.m = tf.tidy(() => params.map((p) => tf.variable(tf.zerosLike(p.variable), false)));
    this.v = tf.tidy(() => params.map((p) => tf.variable(tf.zerosLike(p.variable), false)));
  }

  /** Steps taken so far. */
  get steps(): number {
    return this.schedule.t;
  }

  set steps(t: number) {
    this.schedule.t = t;
  }

  /** The learning rate the next update uses. */
  currentLr(): number {
    return this.schedule.currentLr();
  }

  /** Applies one update from gradients given in the order of `params`. Call inside or outside tf.tidy. */
  apply(grads: Tensor[]): void {
    const b1 = this.cfg.beta1 ?? 0.9;
    const b2 = this.cfg.beta2 ?? 0.999;
    const eps = this.cfg.epsilon ?? 1e-8;
    const { lrOverC1, invC2, decay } = this.schedule.next();
    // Parameters in one kernel (nn/adam-wasm-kernel.ts, the same float32 operations as below): all of
    // them where it runs as WebAssembly SIMD; else only the small ones, since its scalar loop is
    // slower than the graph's SIMD kernels on large ones, which go op by op.
    const inKernel = this.params.map((p) => this.fused && inMomentKernel(p.variable.size));
    const isDecayed = (p: AdamWParam) => p.decay && this.cfg.weightDecay !== 0;
    if (inKernel.some(Boolean)) {
      const picked = this.params.flatMap((p, k) => (inKernel[k] ? [k] : []));
      const entries = picked.map((k) => ({ value: this.params[k]!.variable, gradient: grads[k]!, m: this.m[k]!, v: this.v[k]! }));
      const decayed = picked.map((k) => (isDecayed(this.params[k]!) ? 1 : 0));
      fusedUpdate(adamWKernel, entries, { beta1: b1, beta2: b2, epsilon: eps, lrOverC1, invC2, decay, decayed });
    }
    tf.tidy(() => {
      this.params.forEach((p, k) => {
        if (inKernel[k]) return;
        const g = grads[k]!;
        const m = tf.add(tf.mul(this.m[k]!, b1), tf.mul(g, 1 - b1));
        const v = tf.add(tf.mul(this.v[k]!, b2), tf.mul(tf.square(g), 1 - b2));
        this.m[k]!.assign(m);
        this.v[k]!.assign(v);
        // Step size folded into scalars: lr/c1 · m / (√(v/c2) + ε).
        const update = tf.div(tf.mul(m, lrOverC1), tf.add(tf.sqrt(tf.mul(v, invC2)), eps));
        const decayed = isDecayed(p) ? tf.mul(p.variable, decay) : p.variable;
        p.variable.assign(tf.sub(decayed, update));
      });
    });
  }

  /** Clears the moment estimates (after weights are restored from a snapshot). */
  reset(t: number): void {
    this.schedule.reset(t);
    tf.tidy(() => {
      for (const m of this.m) m.assign(tf.zerosLike(m));
      for (const v of this.v) v.assign(tf.zerosLike(v));
    });
  }

  dispose(): void {
    tf.dispose([...this.m, ...this.v]);
  }
}
