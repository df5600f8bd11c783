/**
 * The contract every lab in the registry keeps, checked the same way for each one, so a new lab gets
 * these tests by adding its line to the registry:
 *   (a) its default params and every preset survive a URL round trip, without warnings;
 *   (b) a seed fixes the weights bit for bit, and another seed changes them;
 *   (c) the live tfjs tensor count stays flat from step 100 to step 1,000 and returns to its
 *       baseline after dispose() — in contract-memory.test.ts, so that both files run in parallel;
 *   (d) a run driven to divergence is stopped by trainFor, which keeps the last finite snapshot;
 *   (e) the weights a run reports have exactly the shapes `weightShapes` declares, for the defaults
 *       and every preset, fresh and after training, and a fresh run restores them;
 *   (f) the runner's result (what `npm run lab -- <lab> …` prints as JSON) has the expected keys;
 *   (g) its headline effect (the bench's time to effect) names a preset and fails for an untrained
 *       model; each lab's runner test checks that it holds once trained.
 * Runs are small (contract-kit.ts only shrinks sizes, for speed): the science is in the runner tests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { NamedTensor, ParamSpec, Params, Snapshot } from '../engine/lab';
import { trainFor } from '../engine/trainer';
import { checkWeights } from '../engine/weight-check';
import { activateNodeBackend } from '../cli/node-backend';
import { runLab } from '../cli/runner';
import { decodeUrlState, encodeUrlState } from '../state/url-state';
import { LABS } from './registry';
import { bits, createRun, presetParams, shapesOf, smallParams, snapshotWith, weightsOf } from './contract-kit';

/**
 * How each lab is driven to divergence within its bounds. `lr`: the largest learning rate the lab
 * allows (the loss overflows, or jumps by over 10,000×, as in e2e/divergence.spec.ts). `huge`:
 * weights of ±1e30 restored into a run (finite, so restore accepts them; they overflow within a few
 * steps, behind a ReLU possibly with a finite loss), the way the e2e spec blows up superposition and
 * capacity. Every lab is also given `huge`; a new lab gets `huge` alone until it is listed here.
 */
const BLOW_UP: Record<string, 'lr' | 'huge'> = {
  superposition: 'huge',
  capacity: 'huge',
  bows: 'lr',
  spotlight: 'lr',
  intertwiner: 'lr',
  bias: 'lr',
};
/** Sizes a lab's `lr` blow-up needs beyond its small run (the tiny spotlight run stays finite at lr 10). */
const BLOW_UP_SIZES: Record<string, Params> = {
  spotlight: { dim: 16, hidden: 16, k: 4, batch: 32, act1: 'tanh', act2: 'leaky-relu', act3: 'iso-tanh', act4: 'iso-leaky-relu' },
};

const allFinite = (weights: Record<string, NamedTensor>, names: readonly string[]) =>
  names.every((k) => weights[k]!.data.every(Number.isFinite));

/** A valid value other than the default for every param, to check the codec on more than defaults. */
function otherValue(spec: ParamSpec): Params[string] {
  switch (spec.kind) {
    case 'int':
    case 'float':
      return spec.default === spec.max ? spec.min : spec.max;
    case 'enum':
      return spec.options.find((o) => o !== spec.default)!;
    case 'bool':
      return !spec.default;
    case 'text':
      return spec.pattern && !new RegExp(`^(?:${spec.pattern.source})$`).test('abc') ? spec.default : 'abc';
  }
}

/**
 * Presets whose weights hold more than this many values (bows' paper preset: 10⁷, a fresh snapshot
 * ≈ 30 s) are left to `npm run repro` (CONTRACT_ALL_PRESETS=1); every other one is checked here.
 */
const MAX_CHECKED_WEIGHTS = 2_000_000;
const ALL_PRESETS = process.env.CONTRACT_ALL_PRESETS === '1';
const weightCount = (shapes: Record<string, number[]>) =>
  Object.values(shapes).reduce((s, shape) => s + shape.reduce((a, c) => a * c, 1), 0);

beforeAll(async () => {
  await activateNodeBackend('wasm');
});

describe.each(LABS.map((lab) => [lab.id, lab] as const))('%s keeps the lab contract', (_, lab) => {
  const names = Object.keys(lab.weightShapes(smallParams(lab)));

  it('(a) default params and every preset survive a URL round trip, without warnings', () => {
    for (const preset of [null, ...lab.presets.map((p) => p.name)]) {
      const query = `?lab=${lab.id}${preset ? `&preset=${encodeURIComponent(preset)}` : ''}`;
      const { state, warnings } = decodeUrlState(query);
      expect(warnings, query).toEqual([]);
      expect(state.labId).toBe(lab.id);
      expect(state.preset).toBe(preset);
      expect(state.params, query).toEqual(presetParams(lab, preset));
      const back = decodeUrlState(encodeUrlState(state));
      expect(back.warnings, query).toEqual([]);
      expect(back.state, query).toEqual(state);
    }
    // Every param at a non-default value too: the link carries each one and the preset is dropped.
    const { state } = decodeUrlState(`?lab=${lab.id}`);
    for (const spec of lab.params) state.params[spec.key] = otherValue(spec);
    const changed = decodeUrlState(encodeUrlState(state));
    expect(changed.warnings).toEqual([]);
    expect(changed.state.params).toEqual(state.params);
    for (const spec of lab.params)
      if (spec.default !== otherValue(spec)) expect(changed.state.params[spec.key], spec.key).not.toEqual(spec.default);
  });

  it('(g) its headline effect names one of its presets and does not hold for the untrained model', async () => {
    expect(lab.presets.map((p) => p.name)).toContain(lab.effect.preset);
    const params = presetParams(lab, lab.effect.preset);
    const run = await createRun(lab, params);
    try {
      run.step(1);
      await run.loss();
      const metrics = lab.metrics(await run.snapshot(), params, run.staticData);
      expect(Object.keys(metrics).length).toBeGreaterThan(0);
      expect(lab.effect.holds(metrics)).toBe(false);
    } finally {
      run.dispose();
    }
  });

  it('(b) a seed fixes the weights bit for bit; another seed changes them', async () => {
    const params = smallParams(lab);
    const snaps: Snapshot[] = [];
    for (const seed of [7, 7, 8]) {
      const run = await createRun(lab, { ...params, seed });
      try {
        run.step(5);
        await run.loss();
        snaps.push(await run.snapshot());
      } finally {
        run.dispose();
      }
    }
    const [a, b, c] = snaps.map(weightsOf) as [Record<string, NamedTensor>, Record<string, NamedTensor>, Record<string, NamedTensor>];
    for (const k of names) expect(bits(b[k]), k).toEqual(bits(a[k]));
    expect(names.some((k) => bits(a[k]).some((v, i) => v !== bits(c[k])[i]))).toBe(true);
  });

  it.each([...new Set([BLOW_UP[lab.id] ?? 'huge', 'huge'] as const)])(
    '(d) a run driven to divergence (%s) is stopped and keeps its last finite snapshot',
    async (way) => {
      const base = smallParams(lab);
      const lr = lab.params.find((p) => p.key === 'lr');
      const params = way === 'lr' && lr && lr.kind === 'float' ? { ...base, ...BLOW_UP_SIZES[lab.id], lr: lr.max } : base;
      const weightNames = Object.keys(lab.weightShapes(params));
      const run = await createRun(lab, params);
      try {
        if (way === 'huge') {
          run.step(3);
          const huge = Object.fromEntries(
            Object.entries(lab.weightShapes(params)).map(([k, shape]) => [
              k,
              { shape, data: Float32Array.from({ length: shape.reduce((a, c) => a * c, 1) }, (_, i) => (i % 2 ? -1e30 : 1e30)) },
            ]),
          );
          run.restore(snapshotWith(3, 0.1, huge));
        }
        const result = await trainFor(run, 400, { lossEvery: 1, weightNames });
        expect(result.diverged, 'not caught in 400 steps').toBeDefined();
        expect(result.steps).toBeLessThan(400);
        expect(result.diverged!.reason).toMatch(/^(loss|weight) /);
        const kept = result.diverged!.snapshot!;
        expect(allFinite(weightsOf(kept), weightNames)).toBe(true);
        // The loss of the kept weights, when one was read before the blow-up (huge weights can blow up at once).
        if (result.loss.length > 0) expect(Number.isFinite(result.finalLoss)).toBe(true);
        else expect(way).toBe('huge');
        // The run itself is back on the kept snapshot.
        const now = weightsOf(await run.snapshot());
        for (const k of weightNames) expect(bits(now[k]), k).toEqual(bits(weightsOf(kept)[k]));
      } finally {
        run.dispose();
      }
    },
  );

  it.each(
    ['(defaults)', ...lab.presets.map((p) => p.name)].filter(
      (name) => ALL_PRESETS || weightCount(lab.weightShapes(presetParams(lab, name === '(defaults)' ? null : name))) <= MAX_CHECKED_WEIGHTS,
    ),
  )('(e) a fresh run of %s reports the declared weight shapes, and restores them', async (name) => {
    const params = presetParams(lab, name === '(defaults)' ? null : name);
    const shapes = lab.weightShapes(params);
    const run = await createRun(lab, params);
    try {
      const weights = weightsOf(await run.snapshot());
      expect(shapesOf(weights, Object.keys(shapes))).toEqual(shapes);
      const checked = checkWeights(weights, shapes, 'fresh run');
      if ('error' in checked) throw new Error(checked.error);
      expect(() => run.restore(snapshotWith(5, 0.1, checked.weights))).not.toThrow();
    } finally {
      run.dispose();
    }
  });

  it('(e, f) the runner result has the expected keys, the declared shapes after training, and survives JSON', async () => {
    const params = smallParams(lab);
    const result = await runLab({ lab, params, steps: 30, preset: lab.benchPreset });
    const json = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual([
      'backend',
      'finalLoss',
      'lab',
      'loss',
      'metrics',
      'params',
      'preset',
      'seconds',
      'snapshot',
      'steps',
    ]);
    expect(json).toMatchObject({ lab: lab.id, params, preset: lab.benchPreset, backend: 'wasm', steps: 30 });
    expect(Number.isFinite(json.finalLoss)).toBe(true);
    expect(json.seconds).toBeGreaterThan(0);
    const loss = json.loss as Array<[number, number]>;
    expect(loss.length).toBeGreaterThan(0);
    expect(loss.at(-1)).toEqual([30, json.finalLoss]);
    expect(Object.keys(json.metrics as object).length).toBeGreaterThan(0);
    // Every declared weight is in the JSON snapshot with its declared size.
    const snapshot = json.snapshot as Record<string, unknown>;
    const size = (v: unknown): number => (Array.isArray(v) ? v.reduce((a: number, x) => a + size(x), 0) : 1);
    for (const [k, shape] of Object.entries(lab.weightShapes(params))) expect(size(snapshot[k]), k).toBe(shape.reduce((a, c) => a * c, 1));
  });
});
