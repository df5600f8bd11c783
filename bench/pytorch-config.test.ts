import { describe, expect, it } from 'vitest';
import { LABS } from '../src/labs/registry';
import { benchParams, findTorchPython, runTorchReference, torchConfig, type TorchConfig } from './pytorch-config';

/** The fields bench/pytorch_reference.py reads, per model kind. */
const NEEDS: Record<TorchConfig['kind'], string[]> = {
  toy: ['n', 'm', 'sparsity', 'importance'],
  quadratic: ['n', 'm', 'importance'],
  bows: ['V', 'm', 'weightDecay', 'horizon', 'lrEnd', 'activeWords'],
  spotlight: ['inputDim', 'hidden', 'k', 'activations'],
  intertwiner: ['task', 'dims', 'weightDecay', 'activations'],
  mlp: ['sizes', 'activation', 'loss'],
  linearAe: ['d', 'k'],
};

describe('PyTorch reference configs', () => {
  it.each(LABS.map((l) => [l.id, l] as const))('%s: the bench preset gives a complete config', (_, lab) => {
    const cfg = torchConfig(lab);
    expect(cfg.lab).toBe(lab.id);
    expect(cfg.preset).toBe(lab.benchPreset);
    const { params } = benchParams(lab);
    expect(cfg.batch).toBe(params.batch);
    expect(cfg.lr).toBe(params.lr);
    expect(cfg.batch).toBeGreaterThan(0);
    expect(cfg.lr).toBeGreaterThan(0);
    expect(['adam', 'adamw', 'momentum']).toContain(cfg.optimizer);
    expect(cfg.models).toBeGreaterThanOrEqual(1);
    for (const key of NEEDS[cfg.kind]) expect(cfg, `${lab.id}.${key}`).toHaveProperty(key);
    // It survives the trip through JSON unchanged (no undefined, NaN or functions).
    expect(JSON.parse(JSON.stringify(cfg))).toEqual(cfg);
  });

  it('matches each lab’s model: sizes and models per step', () => {
    const by = Object.fromEntries(LABS.map((l) => [l.id, torchConfig(l)])) as Record<string, TorchConfig>;
    const sp = by.superposition!;
    expect(sp.kind === 'toy' && sp.importance.length === sp.n).toBe(true);
    const bows = by.bows!;
    expect(bows.kind).toBe('bows');
    if (bows.kind === 'bows') expect(bows.optimizer).toBe('adamw');
    const spot = by.spotlight!;
    if (spot.kind !== 'spotlight') throw new Error('spotlight kind');
    expect(spot.models).toBe(spot.activations.length);
    expect(spot.inputDim).toBe(784);
    const tw = by.intertwiner!;
    if (tw.kind !== 'intertwiner') throw new Error('intertwiner kind');
    expect(tw.dims[0]).toBe(784);
    expect(tw.models % 2).toBe(0); // two seeds per activation
    expect(tw.activations).toHaveLength(tw.models);
    const bias = by.bias!;
    if (bias.kind !== 'mlp') throw new Error('bias kind');
    expect(bias.sizes).toHaveLength(5);
  });
});

const python = findTorchPython();

describe('PyTorch reference script', () => {
  it.skipIf(!python)('times one tiny config (skipped when no Python imports torch)', () => {
    const capacity = LABS.find((l) => l.id === 'capacity')!;
    const cfg = { ...torchConfig(capacity), n: 6, m: 2, batch: 16 } as TorchConfig;
    if (cfg.kind === 'quadratic') cfg.importance = cfg.importance.slice(0, 6);
    const r = runTorchReference(python!, [cfg], { trials: 1, trialSeconds: 0.02, timeoutMs: 60_000 });
    expect(r.threads).toBe(1);
    expect(r.labs[0]!.error).toBeUndefined();
    expect(r.labs[0]!.msPerStep).toBeGreaterThan(0);
  });
});
