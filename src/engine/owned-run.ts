/**
 * The run the engine owns. A lab supplies what is specific to it — its named weights, one training
 * step, the tensors it keeps, an optional analysis — and `ownedRun` does the rest once for every lab:
 * the step loop, the latest loss and its read-back, the step count, snapshots, restore, analysis
 * throttling and disposal.
 */
import { tf, type Tensor, type Variable } from './tf';
import { LatestLoss } from './latest-loss';
import { AnalysisBudget, OFFLOADED_ANALYSIS_SHARE } from './analysis-budget';
import { analysisOffloader } from './analysis-offload';
import { inlineJobs, type JobRunner } from '../analysis/jobs';
import type { NamedTensor, Run, Snapshot, SnapshotOptions } from './run-types';

/** One named weight: read for a snapshot, written back by a restore. */
export interface WeightSlot {
  shape: readonly number[];
  /** A fresh array nobody else holds (never tfjs's own storage): snapshots are transferred as they are. */
  read(): Promise<Float32Array>;
  write(data: Float32Array): void;
}

/** A weight that is one tfjs variable. */
export function variableSlot(v: Variable): WeightSlot {
  return {
    shape: v.shape,
    read: async () => Float32Array.from((await v.data()) as Float32Array),
    write: (data) => tf.tidy(() => v.assign(tf.tensor(data, v.shape))),
  };
}

/** What an analysis is told when it is asked for. */
export interface AnalysisContext<W extends string> {
  step: number;
  /** The weights just read for this snapshot. */
  weights: Readonly<Record<W, NamedTensor>>;
  /** Per-model loss of the latest step. */
  lossPerModel: Float32Array;
  /**
   * True when the run has stopped: a snapshot asked for again at the step of the previous one (the
   * runner's last snapshot, a paused page). Expensive read-outs may wait for it.
   */
  settled: boolean;
  /** True when the caller wants every read-out now (runner, tests); false inside the page's play loop. */
  fresh: boolean;
}

export interface LabModel<W extends string = string, A extends string = string> {
  /** Independent models trained side by side in one graph (the loss is per model). */
  models?: number;
  weights: Record<W, WeightSlot>;
  /**
   * One optimiser step, run inside tf.tidy by the engine. Returns the loss (scalar or [models]) when
   * `withLoss` (only the last step of a chunk is asked, so the loss costs nothing otherwise).
   */
  trainStep(withLoss: boolean, step: number): Tensor | undefined;
  /** Tensors and optimisers freed on dispose, besides the weights' own storage. */
  owned: ReadonlyArray<Tensor | { dispose(): void }>;
  /** Read-outs computed from the weights, in the worker; the engine decides when (analysis-budget.ts). */
  analyse?(ctx: AnalysisContext<W>): Promise<Partial<Record<A, NamedTensor>>>;
  /**
   * The slow, pure rest of the analysis, given what `analyse` returned (null: nothing more): its
   * jobs (analysis/jobs.ts) run inline for the runner, the tests and a paused page, and in a job
   * worker while the page plays, so training goes on meanwhile (engine/analysis-offload.ts). It
   * is given `gathered` only: the snapshot's weights are transferred to the page once it is taken.
   */
  slowAnalysis?(gathered: Partial<Record<A, NamedTensor>>): ((jobs: JobRunner) => Promise<Partial<Record<A, NamedTensor>>>) | null;
  /** Constant for the run (vocabularies, labels, bases): sent to the page once, not with every snapshot. */
  staticData?: Record<string, NamedTensor>;
  /** After the weights are written back (optimiser state, histories, caches). */
  onRestore?(step: number): void;
  /** The analysis records a history over training, so restore points must run it too (deterministically). */
  analysisKeepsHistory?: boolean;
}

export interface OwnedRun extends Run {
  /** Per-model loss of the latest step. */
  lossPerModel(): Promise<Float32Array>;
}

const copy = (t: NamedTensor): NamedTensor => ({ shape: [...t.shape], data: t.data.slice() });

export function ownedRun<W extends string, A extends string>(model: LabModel<W, A>): OwnedRun {
  const latestLoss = new LatestLoss(model.models ?? 1);
  const names = Object.keys(model.weights) as W[];
  const budget = new AnalysisBudget();
  const offloadBudget = new AnalysisBudget(OFFLOADED_ANALYSIS_SHARE);
  let stepCount = 0;
  let analysis: { step: number; settled: boolean; tensors: Partial<Record<A, NamedTensor>> } | null = null;
  let lastSnapshotStep = -1;
  let disposed = false;
  /** Bumped by restore and dispose: a job started before must not land after. */
  let generation = 0;
  let jobInFlight = false;
  /** Set when a job worker refused a job: analyses run inline from then on. */
  let offloadFailed = false;

  const analyseInline = async (ctx: AnalysisContext<W>): Promise<Partial<Record<A, NamedTensor>>> => {
    const gathered = await model.analyse!(ctx);
    const slow = model.slowAnalysis?.(gathered);
    return slow ? { ...gathered, ...(await slow(inlineJobs)) } : gathered;
  };

  /** Gathers now (the weights must not change under it) and lets the slow part land when it is done. */
  const startOffloaded = async (ctx: AnalysisContext<W>, jobs: JobRunner): Promise<void> => {
    const started = performance.now();
    const gen = generation;
    const gathered = await model.analyse!(ctx);
    const slow = model.slowAnalysis?.(gathered);
    const land = (tensors: Partial<Record<A, NamedTensor>>) => {
      // A newer analysis (a paused page's, inline) may have landed meanwhile.
      if (gen === generation && (analysis?.step ?? -1) < ctx.step) analysis = { step: ctx.step, settled: false, tensors };
    };
    if (!slow) {
      land(gathered);
      offloadBudget.spent(performance.now() - started);
      return;
    }
    jobInFlight = true;
    void slow(jobs)
      .then(
        (out) => land({ ...gathered, ...out }),
        () => {
          offloadFailed = true;
        },
      )
      .finally(() => {
        jobInFlight = false;
        offloadBudget.spent(performance.now() - started);
      });
  };

  const readWeights = async (): Promise<Record<W, NamedTensor>> => {
    const datas = await Promise.all(names.map((n) => model.weights[n].read()));
    const out = {} as Record<W, NamedTensor>;
    names.forEach((n, i) => (out[n] = { shape: [...model.weights[n].shape], data: datas[i]! }));
    return out;
  };

  const takeSnapshot = async (opts: SnapshotOptions): Promise<Snapshot> => {
    const mode = opts.analysis === 'weights-only' && model.analysisKeepsHistory ? 'fresh' : (opts.analysis ?? 'fresh');
    const fresh = mode === 'fresh';
    const at = stepCount;
    const weights = await readWeights();
    const per = await latestLoss.perModel();
    let loss = 0;
    for (const v of per) loss += v;
    const settled = lastSnapshotStep === at;
    lastSnapshotStep = at;
    // Stale, or the run has just settled and the analysis may have put read-outs off until then.
    const stale = analysis?.step !== at || (settled && !analysis.settled);
    if (model.analyse && mode !== 'weights-only' && stale) {
      const ctx: AnalysisContext<W> = { step: at, weights, lossPerModel: per, settled, fresh };
      const jobs = !fresh && !settled && model.slowAnalysis && !offloadFailed ? analysisOffloader() : null;
      if (jobs) {
        if (!jobInFlight && offloadBudget.due(analysis === null)) await startOffloaded(ctx, jobs);
      } else if (fresh || settled || budget.due(analysis === null)) {
        const started = performance.now();
        const tensors = await analyseInline(ctx);
        budget.spent(performance.now() - started);
        analysis = { step: at, settled, tensors };
      }
    }
    const snap: Snapshot = { step: at, loss: loss / per.length, weights };
    if (analysis) {
      const out: Record<string, NamedTensor> = {};
      for (const [k, t] of Object.entries<NamedTensor | undefined>(analysis.tensors)) if (t) out[k] = copy(t);
      snap.analysis = out;
      snap.analysisStep = analysis.step;
    }
    return snap;
  };

  let snapshotQueue: Promise<unknown> = Promise.resolve();

  return {
    staticData: model.staticData ?? {},
    step(count: number) {
      if (disposed) throw new Error('the run was disposed');
      for (let i = 0; i < count; i++) {
        const withLoss = i === count - 1;
        const step = stepCount;
        latestLoss.keep(tf.tidy(() => model.trainStep(withLoss, step)));
        stepCount++;
      }
    },
    lossPerModel: () => latestLoss.perModel(),
    loss: () => latestLoss.mean(),
    snapshot(opts: SnapshotOptions = {}): Promise<Snapshot> {
      // One at a time: an analysis awaits read-backs, and an older one must not finish after a newer one.
      const next = snapshotQueue.then(
        () => takeSnapshot(opts),
        () => takeSnapshot(opts),
      );
      snapshotQueue = next;
      return next;
    },
    restore(snapshot: Snapshot) {
      for (const n of names) {
        const t = snapshot.weights[n];
        const size = model.weights[n].shape.reduce((a, b) => a * b, 1);
        if (!t || t.data.length !== size) throw new Error(`snapshot does not match this model (${n})`);
      }
      for (const n of names) model.weights[n].write(snapshot.weights[n]!.data);
      stepCount = snapshot.step;
      latestLoss.clear(snapshot.loss);
      analysis = null;
      generation++;
      lastSnapshotStep = -1;
      model.onRestore?.(snapshot.step);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      generation++;
      latestLoss.clear();
      for (const t of model.owned) t.dispose();
    },
  };
}
