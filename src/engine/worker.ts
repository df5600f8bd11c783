/// <reference lib="webworker" />
/**
 * The training worker: owns the backend and the run, trains in chunks sized to ~30 ms so that
 * pause messages are answered promptly, and posts at most ~30 snapshots a second.
 */
import * as Comlink from 'comlink';
import type { BackendName } from './backend-names';
import { activateBackend, chooseBackend, wasmAdamSimd, wasmThreadCount, watchDeviceLoss } from './browser-backends';
import { probeBackends } from './backend-probe';
import { createRng } from './rng';
import { num } from './params';
import type { LabDefinition, Metrics, NamedTensor, Params, Run, RunContext, Snapshot } from './lab';
import { fetchAsset } from './fetch-asset';
import type { InitRequest, SnapshotSource, Speed, TrainerApi, WorkerEvent } from './worker-protocol';
import { weightsFinite } from './weight-check';
import { lossDiverged } from './loss-check';
import { snapshotGapMs } from './snapshot-budget';
import { copyInto, copyTensorsInto } from './snapshot-copy';
import { kernelsPerStep } from './kernel-count';
import { TimeLedger } from './time-ledger';
import { setAnalysisOffloader } from './analysis-offload';
import { jobWorkerRunner } from './job-worker-client';

/**
 * A chunk's length: pause waits for it, and each chunk costs a loss read-back, a yield and a step
 * slowed by caches the page refilled meanwhile (bows: the first step of a chunk 2.0–2.5 ms, the
 * others 1.8–1.9). Measured in the page, bows trained 361–435 steps/s with 12 ms chunks, 445–456
 * with 30 ms and 475 with 50 ms.
 */
const CHUNK_TARGET_MS = 30;

/** How the worker loads a lab by id: given by the entry point (labs/trainer-worker.ts), so the engine imports no lab. */
let loadLab: (id: string) => Promise<LabDefinition> | undefined = () => undefined;
let lab: LabDefinition | null = null;
let params: Params = {};
let run: Run | null = null;
let emit: (event: WorkerEvent) => void = () => {};
let playing = false;
let speed: Speed = 0;
let chunk = 10;
let pendingLoss: Array<[number, number]> = [];
/** Earliest time of the next snapshot while playing (snapshot-budget.ts). */
let nextPostAt = 0;
let lastGood: Snapshot | null = null;
let loopToken = 0;
/** Settles when the training loop started by the last play() has returned. */
let loopDone: Promise<void> = Promise.resolve();
let stepsSinceRate = 0;
let rateSince = performance.now();
let stepsPerSecond = 0;
/** Where the worker's time goes while playing (read by the bench). */
const ledger = new TimeLedger();
/** Steps taken by the current run, counted here so no read-back is needed. */
let stepCounter = 0;
/** The loss of the weights the run started or was restored from (read after one step); null until then. */
let referenceLoss: number | null = null;

/** The user's files that runs train on (read once, kept across resets). */
let trainingFiles: Array<{ name: string; bytes: ArrayBuffer }> = [];

function runContext(seed: number): RunContext {
  return {
    rng: createRng(seed),
    loadAsset: (name) => fetchAsset(name, (asset, fraction) => emit({ type: 'progress', label: `loading ${asset}`, fraction })),
    userFiles: trainingFiles,
    progress: (label, fraction) => emit({ type: 'progress', label, fraction }),
  };
}

/** Reads `files` into memory after checking their total size against the lab's limit; a message when refused. */
async function readTrainingFiles(files: readonly File[]): Promise<string | null> {
  const limit = lab?.trainingFiles?.maxBytes ?? 0;
  const total = files.reduce((s, f) => s + f.size, 0);
  if (total > limit) return `The files hold ${(total / 1024 / 1024).toFixed(1)} MB; the limit is ${(limit / 1024 / 1024).toFixed(0)} MB.`;
  const read: Array<{ name: string; bytes: ArrayBuffer }> = [];
  let done = 0;
  for (const f of files) {
    read.push({ name: f.name, bytes: await f.arrayBuffer() });
    done += f.size;
    emit({ type: 'progress', label: 'reading your files', fraction: total > 0 ? Math.min(0.999, done / total) : 0.999 });
  }
  emit({ type: 'progress', label: 'reading your files', fraction: 1 });
  const refused = lab?.checkTrainingFiles?.(read) ?? null;
  if (refused) return refused;
  trainingFiles = read;
  return null;
}

/**
 * Lets queued messages (pause, reset…) run between chunks. Through a MessageChannel, not setTimeout(0):
 * nested timers are clamped to 4 ms, which cost a light lab a quarter of its training time.
 */
const yieldChannel = new MessageChannel();
const yieldToMessages = () =>
  new Promise<void>((resolve) => {
    yieldChannel.port1.onmessage = () => resolve();
    yieldChannel.port2.postMessage(null);
  });

function transferables(snapshot: Snapshot): ArrayBuffer[] {
  const tensors = [...Object.values(snapshot.weights), ...Object.values(snapshot.analysis ?? {})].filter(
    (t): t is NamedTensor => t !== undefined,
  );
  // A buffer listed twice (two views of one array) would make postMessage throw.
  return [...new Set(tensors.map((t) => t.data.buffer as ArrayBuffer))];
}

/** Pauses, puts the restore point back and says why; the page keeps showing the last finite state. */
function stopDiverged(reason: string, restorePoint: Snapshot | null): void {
  playing = false;
  loopToken++;
  const snap = restorePoint ?? lastGood;
  if (run && snap) run.restore(snap);
  stepCounter = snap?.step ?? 0;
  referenceLoss = null;
  pendingLoss = [];
  lastGood = snap;
  emit({
    type: 'notice',
    level: 'error',
    text: `Training diverged (${reason}); paused and restored the last finite snapshot from step ${snap?.step ?? 0}. Try a smaller learning rate.`,
  });
  emit({ type: 'status', playing, step: stepCounter });
  if (snap) {
    const sent = copyInto(snap, null);
    emit(
      Comlink.transfer({ type: 'snapshot', snapshot: sent, metrics: metricsOf(sent), loss: [], stepsPerSecond: 0 }, transferables(sent)),
    );
  }
}

/**
 * The snapshot being read and posted, if any. Snapshots queue behind each other, and steps wait for
 * them, so that an analysis (which awaits read-backs) never sees the weights change under it.
 */
let snapshotInFlight: Promise<boolean> = Promise.resolve(true);
const snapshotSettled = (): Promise<unknown> => snapshotInFlight.catch(() => undefined);

/** Posts the run's snapshot; returns false when its weights were not finite (the run was stopped). */
function postSnapshot(): Promise<boolean> {
  const next = snapshotInFlight.then(readAndPostSnapshot, readAndPostSnapshot);
  snapshotInFlight = next;
  return next;
}

async function readAndPostSnapshot(): Promise<boolean> {
  const current = run;
  if (!current || !lab) return true;
  // A NaN loss here only means no loss has been computed yet (a fresh or restored run); weights
  // that are not finite mean divergence, even when the loss still looks finite (ReLU maps NaN to 0).
  const started = performance.now();
  const snapshot = await current.snapshot({ analysis: playing ? 'budgeted' : 'fresh' });
  if (current !== run) return true; // reset or replaced while reading back
  const bad = weightsFinite(snapshot.weights, Object.keys(lab.weightShapes(params)));
  if (bad !== null) {
    stopDiverged(`weight ${bad} is not finite`, null);
    return false;
  }
  // The snapshot's arrays are the run's fresh copies (Run.snapshot): they are transferred to the
  // page, and the restore point is copied into the previous restore point's arrays.
  lastGood = copyInto(snapshot, lastGood);
  const sent = snapshot;
  const loss = pendingLoss;
  pendingLoss = [];
  const posted = performance.now();
  ledger.addSnapshot(posted - started);
  nextPostAt = posted + snapshotGapMs(posted - started);
  emit(Comlink.transfer({ type: 'snapshot', snapshot: sent, metrics: metricsOf(sent), loss, stepsPerSecond }, transferables(sent)));
  return true;
}

/** The lab's metrics of a snapshot (computed here, so the page loads no lab code but its views). */
function metricsOf(snapshot: Snapshot): Metrics {
  if (!lab || !run) return {};
  try {
    return lab.metrics(snapshot, params, run.staticData);
  } catch (err) {
    if (!metricsFailed)
      emit({
        type: 'notice',
        level: 'warning',
        text: `Metrics could not be computed (${err instanceof Error ? err.message : String(err)}).`,
      });
    metricsFailed = true;
    return {};
  }
}
/** Said once per run: a lab whose metrics fail would otherwise repeat it with every snapshot. */
let metricsFailed = false;

/** Runs `count` steps, records the loss, and reports divergence. Returns false if it diverged. */
async function trainChunk(count: number, token: number): Promise<boolean> {
  const current = run;
  if (!current) return false;
  const started = performance.now();
  current.step(count);
  const loss = await current.loss();
  ledger.addSteps(count, performance.now() - started);
  // A reset, pause or backend change while the loss was read back: this chunk's result is stale.
  if (current !== run || token !== loopToken) return false;
  const diverged = lossDiverged(loss, referenceLoss);
  if (diverged !== null) {
    stopDiverged(diverged, null);
    return false;
  }
  referenceLoss ??= loss;
  pendingLoss.push([stepCounter, loss]);
  stepsSinceRate += count;
  const now = performance.now();
  if (now - rateSince > 500) {
    stepsPerSecond = (stepsSinceRate * 1000) / (now - rateSince);
    stepsSinceRate = 0;
    rateSince = now;
  }
  return true;
}

async function loop(token: number): Promise<void> {
  let budgetStart = performance.now();
  let stepsDone = 0;
  while (playing && token === loopToken && run) {
    // The first step after a start or restore is taken alone: its loss is the starting weights' loss.
    let count = referenceLoss === null ? 1 : chunk;
    if (speed > 0) {
      const due = Math.floor(((performance.now() - budgetStart) / 1000) * speed) - stepsDone;
      if (due <= 0) {
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      count = Math.min(due, count);
    }
    await snapshotSettled();
    if (!playing || token !== loopToken || !run) return;
    const t0 = performance.now();
    stepCounter += count;
    const ok = await trainChunk(count, token);
    stepsDone += count;
    if (!ok) return;
    const elapsed = performance.now() - t0;
    if (speed === 0) chunk = Math.max(1, Math.min(2000, Math.round((count * CHUNK_TARGET_MS) / Math.max(elapsed, 0.5))));
    if (token !== loopToken) return;
    // Half a chunk early rather than a whole chunk late: snapshots every 33 ms stay 30 a second.
    if (performance.now() >= nextPostAt - CHUNK_TARGET_MS / 2 && !(await postSnapshot())) return;
    if (stepsDone > 1e6) {
      budgetStart = performance.now();
      stepsDone = 0;
    }
    await yieldToMessages();
  }
}

/**
 * Measures `measure` on a fresh copy of the current run (same params and seed) after two warm-up
 * steps, without touching the run itself or posting snapshots; NaN when there is no run.
 */
async function onFreshRun(measure: (fresh: Run) => Promise<number>): Promise<number> {
  if (!run || !lab) return NaN;
  const fresh = await lab.createRun(params, runContext(num(params, 'seed')));
  try {
    fresh.step(2);
    await fresh.loss();
    return await measure(fresh);
  } finally {
    fresh.dispose();
  }
}

/** Bumped by every createRun, so that of two overlapping creations only the later one is kept. */
let runGeneration = 0;

async function createRun(): Promise<void> {
  const generation = ++runGeneration;
  run?.dispose();
  run = null;
  if (!lab) throw new Error('worker not initialised');
  const created = await lab.createRun(params, runContext(num(params, 'seed')));
  if (generation !== runGeneration) {
    created.dispose();
    return;
  }
  run = created;
  metricsFailed = false;
  stepCounter = 0;
  referenceLoss = null;
  pendingLoss = [];
  lastGood = null;
  // Data constant for the run (vocabularies, labels) goes to the page once, before any snapshot.
  const data = copyTensorsInto(created.staticData, undefined);
  emit(
    Comlink.transfer(
      { type: 'static', data },
      Object.values(data).map((t) => t.data.buffer as ArrayBuffer),
    ),
  );
  await postSnapshot();
}

const SOURCE_WORDS: Record<SnapshotSource, string> = {
  link: "the link's trained weights",
  file: "the file's trained weights",
  backend: 'the weights trained so far',
};

/**
 * Puts imported weights (checked by the page against the lab's shapes) into the fresh run; should
 * the model still refuse them, it keeps its fresh weights and says why.
 */
async function restoreShared(snapshot: Snapshot, source: SnapshotSource): Promise<void> {
  if (!run) return;
  const words = SOURCE_WORDS[source];
  try {
    run.restore(snapshot);
    stepCounter = snapshot.step;
    referenceLoss = null;
    emit({ type: 'notice', level: 'info', text: `Loaded ${words} (step ${snapshot.step}).` });
  } catch (err) {
    emit({
      type: 'notice',
      level: 'warning',
      text: `${words[0]!.toUpperCase()}${words.slice(1)} do not fit these parameters (${err instanceof Error ? err.message : String(err)}); starting from fresh weights.`,
    });
    await createRun();
    return;
  }
  emit({ type: 'status', playing, step: stepCounter });
  await postSnapshot();
}

async function switchToFallback(reason: string): Promise<void> {
  const wasPlaying = playing;
  playing = false;
  loopToken++;
  await loopDone;
  const resumeFrom = lastGood;
  run?.dispose();
  run = null;
  const choice = await chooseBackend('wasm');
  emit({
    type: 'notice',
    level: 'warning',
    text: `WebGPU device lost (${reason}); continuing on ${choice.backend} from step ${resumeFrom?.step ?? 0}.`,
  });
  emit({ type: 'backend', backend: choice.backend, threads: wasmThreadCount(), adamSimd: wasmAdamSimd() });
  if (!lab) return;
  await createRun();
  if (resumeFrom && run) {
    (run as Run).restore(resumeFrom);
    referenceLoss = null;
    stepCounter = resumeFrom.step;
    await postSnapshot();
  }
  if (wasPlaying) api.play();
}

const api: TrainerApi = {
  async init(request: InitRequest, onEvent) {
    emit = onEvent;
    const found = await loadLab(request.labId);
    if (!found) throw new Error(`unknown lab ${request.labId}`);
    lab = found;
    params = request.params;
    const choice = await chooseBackend(request.backend);
    const probeAll = request.backend === 'fastest';
    if ((request.backend === 'auto' && choice.backend === 'webgpu') || probeAll) {
      // A hardware adapter is no promise of speed for a small model: time this lab's own step.
      const candidates: BackendName[] = probeAll
        ? [...(choice.webgpuAvailable ? (['webgpu'] as const) : []), 'wasm', 'webgl', 'cpu']
        : ['webgpu', 'wasm'];
      const timings = await probeBackends(candidates, activateBackend, () =>
        Promise.resolve(found.createRun(params, runContext(num(params, 'seed')))),
      );
      const best = timings[0]?.backend ?? 'wasm';
      if (!(await activateBackend(best))) throw new Error(`backend ${best} failed after probing`);
      choice.backend = best;
      const figures = timings.map((t) => `${t.backend} ${t.msPerStep.toFixed(2)}`).join(', ');
      choice.notices.push({ level: 'info', text: `Measured ms per step on this model: ${figures}; using ${best}.` });
    }
    for (const notice of choice.notices) emit({ type: 'notice', ...notice });
    emit({ type: 'backend', backend: choice.backend, adapter: choice.adapter, threads: wasmThreadCount(), adamSimd: wasmAdamSimd() });
    watchDeviceLoss((reason) => void switchToFallback(reason));
    if (request.files && request.files.length > 0) {
      const refused = await readTrainingFiles(request.files);
      if (refused) emit({ type: 'notice', level: 'error', text: refused });
    }
    await createRun();
    if (request.snapshot) await restoreShared(request.snapshot, request.snapshotSource ?? 'link');
    return { backend: choice.backend };
  },
  async setTrainingFiles(files: File[]) {
    return readTrainingFiles(files);
  },
  async reset(next: Params) {
    playing = false;
    loopToken++;
    await loopDone;
    params = next;
    await createRun();
    emit({ type: 'status', playing, step: 0 });
  },
  play() {
    if (playing || !run) return;
    playing = true;
    rateSince = performance.now();
    stepsSinceRate = 0;
    emit({ type: 'status', playing, step: stepCounter });
    loopDone = loop(++loopToken);
  },
  async pause() {
    playing = false;
    loopToken++;
    // Let the chunk in flight finish so the paused snapshot is the final state.
    await loopDone;
    emit({ type: 'status', playing, step: stepCounter });
    await postSnapshot();
  },
  async step(count: number) {
    await snapshotSettled();
    if (!run || playing) return;
    stepCounter += count;
    if (await trainChunk(count, loopToken)) await postSnapshot();
    emit({ type: 'status', playing, step: stepCounter });
  },
  setSpeed(next: Speed) {
    speed = next;
    if (speed > 0) chunk = Math.max(1, Math.ceil(speed / 60));
  },
  async runSweep(sweepParams: Params) {
    if (!lab?.sweep) return null;
    const wasPlaying = playing;
    await api.pause();
    try {
      return await lab.sweep.run(sweepParams, runContext(num(sweepParams, 'seed')), (fraction) =>
        emit({ type: 'sweep-progress', fraction }),
      );
    } finally {
      if (wasPlaying) api.play();
    }
  },
  async diverged(reason: string, restorePoint?: Snapshot) {
    playing = false;
    loopToken++;
    await loopDone;
    stopDiverged(reason, restorePoint ?? null);
  },
  benchmark: (steps: number) =>
    onFreshRun(async (fresh) => {
      const t0 = performance.now();
      fresh.step(steps);
      await fresh.loss();
      return (performance.now() - t0) / steps;
    }),
  kernelsPerStep: (steps: number) => onFreshRun((fresh) => kernelsPerStep(fresh, steps)),
  workerTime: () => ledger.read(),
};

/** Serves the trainer API on this worker, loading labs with `load`. */
export function serveTrainer(load: (id: string) => Promise<LabDefinition> | undefined): void {
  loadLab = load;
  // Slow, pure analyses run beside training in a job worker while the page plays (owned-run.ts).
  if (typeof Worker !== 'undefined') {
    setAnalysisOffloader(
      jobWorkerRunner((reason) => {
        setAnalysisOffloader(null);
        emit({
          type: 'notice',
          level: 'warning',
          text: `The analysis worker failed (${reason}); analyses now pause training while they run.`,
        });
      }),
    );
  }
  Comlink.expose(api);
}
