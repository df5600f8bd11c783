/** Wires the page's store to the training worker and the URL. */
import * as Comlink from 'comlink';
import type { Metrics, ParamValue, Snapshot } from '../engine/lab';
import type { SnapshotSource, WorkerEvent } from '../engine/worker-protocol';
import { startWorker, type WorkerHandle } from '../engine/worker-client';
import type { BackendRequest } from '../engine/backend-names';
import { findLab } from '../labs/manifests';
import { addNotice, useLab } from './store';
import { decodeUrlState, defaultUrlState, encodeUrlState, type UrlState } from './url-state';
import { resolveParams, resolveView } from './param-codec';
import { decodeSnapshotHash, encodeSnapshotHash } from './hash-snapshot';
import { readSnapshotFile } from './file-reader';
import { checkWeights } from '../engine/weight-check';
import type { WorkerTime } from '../engine/time-ledger';
import { metricBroken } from './metrics-check';

const MAX_LOSS_POINTS = 4000;
const WEIGHT_BLOWUP = 1e4;

function maxAbsWeight(snapshot: Snapshot, names: readonly string[]): number {
  let max = 0;
  for (const name of names) for (const v of snapshot.weights[name]?.data ?? []) max = Math.max(max, Math.abs(v));
  return max;
}

let worker: WorkerHandle | null = null;
let pending: { snapshot: Snapshot; metrics: Metrics; loss: Array<[number, number]>; stepsPerSecond: number } | null = null;
let frameRequested = false;
/** Weights from the link's hash or an opened file, handed to the worker once at start. */
let sharedSnapshot: { snapshot: Snapshot; source: SnapshotSource } | null = null;
/**
 * The link's `#w=` hash while it still describes the run: kept in the address bar so that a reload
 * reopens the trained model, dropped as soon as the user changes anything.
 */
let keptHash = '';
/** The last snapshot drawn: fully finite, with finite metrics; the restore point on divergence. */
let lastRendered: Snapshot | null = null;
/** Set once the page has told the worker about a divergence, until training resumes. */
let divergenceReported = false;
/** The user's files runs train on (e.g. a text corpus), handed to every new worker. */
let trainingFiles: File[] = [];

function urlStateOf(): UrlState {
  const s = useLab.getState();
  return {
    labId: s.labId,
    preset: s.preset,
    params: s.params,
    backend: s.backend,
    view: s.view,
    hide: s.hide,
    autoplay: s.autoplay,
    lecture: s.lecture,
    speed: s.speed,
    embed: s.embed,
    focus: s.focus,
  };
}

/** Extra query keys kept in the address bar and shared links (the open tour: src/tours/controller.ts). */
let urlExtra: () => string = () => '';
export function setUrlExtra(extra: () => string): void {
  urlExtra = extra;
}
const withExtra = (query: string): string => {
  const extra = urlExtra();
  return extra ? `${query}&${extra}` : query;
};

export function shareableUrl(): string {
  return `${location.origin}${location.pathname}${withExtra(encodeUrlState(urlStateOf()))}`;
}

/** The link plus the current weights in the hash, or null when the model is too large for a link. */
export function shareableUrlWithWeights(): string | null {
  const snapshot = useLab.getState().snapshot;
  if (!snapshot) return null;
  const hash = encodeSnapshotHash(snapshot);
  return hash ? `${shareableUrl()}#${hash}` : null;
}

/** Parameter edits replace the history entry rather than pushing one per slider tick. */
function syncUrl(keepHash = false): void {
  if (!keepHash) keptHash = '';
  history.replaceState(null, '', `${withExtra(encodeUrlState(urlStateOf()))}${keptHash ? `#${keptHash}` : ''}`);
}

/** Rewrites the address bar from the current state (e.g. after the tour moved or closed). */
export function refreshUrl(): void {
  syncUrl(true);
}

function appendLoss(history: Array<[number, number]>, points: Array<[number, number]>): Array<[number, number]> {
  let out = history.concat(points);
  if (out.length > MAX_LOSS_POINTS) out = out.filter((_, i) => i % 2 === 0 || i === out.length - 1);
  return out;
}

function flushFrame(): void {
  frameRequested = false;
  if (!pending) return;
  const { snapshot, metrics, loss, stepsPerSecond } = pending;
  pending = null;
  const s = useLab.getState();
  const lab = findLab(s.labId);
  // A metric that turns non-finite counts as divergence only while the weights have blown up
  // (beyond 1e4): some read-outs are 0/0 for a moment in healthy runs.
  const broken = metrics && snapshot.step > (s.snapshot?.step ?? 0) ? metricBroken(s.metrics, metrics) : null;
  const bad = broken !== null && lab && maxAbsWeight(snapshot, Object.keys(lab.weightShapes(s.params))) > WEIGHT_BLOWUP ? broken : null;
  if (bad !== null) {
    // Weights can stay finite while what is computed from them overflows (e.g. bias at lr 10): the
    // run diverged all the same. Keep the last drawn state on screen and put it back in the worker.
    if (!divergenceReported) {
      divergenceReported = true;
      void worker?.api.diverged(`metric ${bad} is not finite`, lastRendered ?? undefined);
    }
    useLab.setState({ playing: false });
    return;
  }
  lastRendered = snapshot;
  useLab.setState({
    snapshot,
    metrics,
    lossHistory: snapshot.step === 0 ? loss : appendLoss(s.lossHistory, loss),
    step: snapshot.step,
    stepsPerSecond,
  });
}

function onWorkerEvent(event: WorkerEvent): void {
  switch (event.type) {
    case 'snapshot':
      pending = pending
        ? { snapshot: event.snapshot, metrics: event.metrics, loss: pending.loss.concat(event.loss), stepsPerSecond: event.stepsPerSecond }
        : { snapshot: event.snapshot, metrics: event.metrics, loss: event.loss, stepsPerSecond: event.stepsPerSecond };
      if (event.snapshot.step === 0) useLab.setState({ lossHistory: [] });
      if (!frameRequested) {
        frameRequested = true;
        requestAnimationFrame(flushFrame);
      }
      break;
    case 'static':
      useLab.setState({ staticData: event.data });
      break;
    case 'status':
      // The step shown comes from snapshots only (applied on animation frames), so that the readout
      // and the views always describe the same weights.
      if (event.playing) divergenceReported = false;
      useLab.setState({ playing: event.playing, workerStep: event.step });
      break;
    case 'notice':
      addNotice(event.text, event.level);
      break;
    case 'backend':
      useLab.setState({
        backendInUse: event.backend,
        adapter: event.adapter ?? null,
        threads: event.threads ?? null,
        adamSimd: event.adamSimd ?? null,
      });
      break;
    case 'progress':
      useLab.setState({ progress: event.fraction >= 1 ? null : { label: event.label, fraction: event.fraction } });
      break;
    case 'sweep-progress':
      useLab.setState({ sweepProgress: event.fraction });
      break;
  }
}

async function startTraining(): Promise<void> {
  worker?.terminate();
  const handle = startWorker(new Worker(new URL('../labs/trainer-worker.ts', import.meta.url), { type: 'module', name: 'trainer' }));
  worker = handle;
  // Whatever the old worker sent and is still queued belongs to another run (maybe another lab).
  pending = null;
  lastRendered = null;
  divergenceReported = false;
  const s = useLab.getState();
  useLab.setState({
    ready: false,
    playing: false,
    step: 0,
    workerStep: 0,
    snapshot: null,
    metrics: null,
    lossHistory: [],
    backendInUse: null,
    threads: null,
    adamSimd: null,
    sweepProgress: null,
  });
  try {
    const shared = sharedSnapshot;
    sharedSnapshot = null;
    const onEvent = (event: WorkerEvent) => {
      if (worker === handle) onWorkerEvent(event);
    };
    await handle.api.init(
      {
        labId: s.labId,
        params: s.params,
        backend: s.backend,
        snapshot: shared?.snapshot,
        snapshotSource: shared?.source,
        files: trainingFiles,
      },
      Comlink.proxy(onEvent),
    );
    if (worker !== handle) return;
    await handle.api.setSpeed(s.speed);
    useLab.setState({ ready: true });
    if (useLab.getState().autoplay) play();
  } catch (err) {
    if (worker === handle) addNotice(`Could not start training: ${err instanceof Error ? err.message : String(err)}`, 'error');
  }
}

export function boot(search: string, hash = ''): void {
  const { state, warnings } = decodeUrlState(search);
  useLab.setState((s) => ({ ...state, notices: [], sweep: null, sweepProgress: null, boots: s.boots + 1 }));
  for (const w of warnings) addNotice(w, 'warning', 'url');
  sharedSnapshot = null;
  keptHash = '';
  const shared = decodeSnapshotHash(hash);
  if (shared && 'error' in shared) addNotice(shared.error, 'warning', 'url');
  if (shared && 'snapshot' in shared) {
    const lab = findLab(state.labId)!;
    const checked = checkWeights(shared.snapshot.weights, lab.weightShapes(state.params), "The link's weights");
    if ('error' in checked) addNotice(`${checked.error} Starting from fresh weights.`, 'warning', 'url');
    else {
      sharedSnapshot = { snapshot: { ...shared.snapshot, weights: checked.weights }, source: 'link' };
      keptHash = hash.replace(/^#/, '');
    }
  }
  syncUrl(true);
  void startTraining();
}

export function play(): void {
  if (!useLab.getState().ready) return;
  useLab.setState({ playing: true });
  void worker?.api.play();
}

export function pause(): void {
  useLab.setState({ playing: false });
  void worker?.api.pause();
}

export function togglePlay(): void {
  if (useLab.getState().playing) pause();
  else play();
}

export function stepOnce(count = 1): void {
  if (!useLab.getState().ready || useLab.getState().playing) return;
  void worker?.api.step(count);
}

export function reset(): void {
  if (!useLab.getState().ready) return;
  useLab.setState({ playing: false, lossHistory: [] });
  worker?.api.reset(useLab.getState().params).catch((err: unknown) => {
    addNotice(`Could not start this run: ${err instanceof Error ? err.message : String(err)}`, 'error');
  });
}

/**
 * Trains on the user's files (e.g. .txt corpus files): refused with a message, and nothing lost,
 * when the lab takes none or they are too large (checked from the sizes before anything is read);
 * otherwise read in the worker and the run restarts on them with `params` (e.g. data=own).
 */
export async function trainOnFiles(files: File[], params: Record<string, ParamValue>): Promise<void> {
  const lab = findLab(useLab.getState().labId);
  const limit = lab?.trainingFiles?.maxBytes;
  if (!limit) return;
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (files.length === 0) return;
  if (total > limit) {
    addNotice(
      `The files hold ${(total / 1024 / 1024).toFixed(1)} MB; the limit is ${(limit / 1024 / 1024).toFixed(0)} MB. Nothing was changed.`,
      'error',
    );
    return;
  }
  const refused = worker ? await worker.api.setTrainingFiles(files) : null;
  if (refused) {
    addNotice(`${refused} Nothing was changed.`, 'error');
    return;
  }
  trainingFiles = files;
  useLab.setState((s) => ({ params: { ...s.params, ...params }, trainingFiles: files.map((f) => f.name) }));
  restartWithParams();
}

/** New params reset the run; while the worker is still starting, it is restarted with them. */
function restartWithParams(): void {
  syncUrl();
  if (useLab.getState().ready) reset();
  else void startTraining();
}

export function setParam(key: string, value: ParamValue): void {
  useLab.setState((s) => ({ params: { ...s.params, [key]: value } }));
  restartWithParams();
}

export function applyPreset(name: string): void {
  const s = useLab.getState();
  const lab = findLab(s.labId);
  const preset = lab?.presets.find((p) => p.name === name);
  if (!lab || !preset) return;
  const keepSeed = { seed: String(s.params.seed ?? 1) };
  useLab.setState({ preset: name, params: resolveParams(lab.params, keepSeed, preset.params).params });
  restartWithParams();
}

export function switchLab(labId: string): void {
  const state = defaultUrlState(labId);
  useLab.setState({ ...state, lecture: useLab.getState().lecture, sweep: null, sweepProgress: null });
  syncUrl();
  void startTraining();
}

/** A backend change continues from the last snapshot drawn, on the new backend. */
export function setBackend(backend: BackendRequest): void {
  const resume = lastRendered;
  useLab.setState({ backend });
  syncUrl(true);
  if (resume && resume.step > 0) {
    sharedSnapshot = { snapshot: resume, source: 'backend' };
  }
  void startTraining();
}

export function setSpeed(speed: number): void {
  useLab.setState({ speed });
  syncUrl();
  void worker?.api.setSpeed(speed);
}

/** View settings are validated by the lab's schema like a link's: an invalid one is not kept. */
export function setView(key: string, value: string): void {
  const lab = findLab(useLab.getState().labId);
  const { view } = resolveView(lab?.viewParams ?? [], [[key, value]]);
  if (!(key in view)) return;
  useLab.setState((s) => ({ view: { ...s.view, [key]: view[key]! } }));
  syncUrl(true);
}

/** Shows one view alone (null: all of them); it must be one of the lab's views. */
export function setFocus(focus: string | null): void {
  const lab = findLab(useLab.getState().labId);
  if (focus !== null && !lab?.viewIds.includes(focus)) return;
  useLab.setState({ focus });
  syncUrl(true);
}

export function setLecture(lecture: boolean): void {
  useLab.setState({ lecture });
  syncUrl(true);
}

export async function runSweep(): Promise<void> {
  if (!worker || useLab.getState().sweepProgress !== null) return;
  useLab.setState({ sweepProgress: 0 });
  try {
    const result = await worker.api.runSweep(useLab.getState().params);
    useLab.setState({ sweep: result });
  } catch (err) {
    addNotice(`Sweep failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
  } finally {
    useLab.setState({ sweepProgress: null });
  }
}

/** Milliseconds per training step, measured in the worker on a fresh copy of the run. */
export async function measureStep(steps: number): Promise<number> {
  if (!worker) return NaN;
  return worker.api.benchmark(steps);
}

/** Kernels (backend dispatches) per training step, counted in the worker on a fresh copy of the run. */
export async function measureKernels(steps: number): Promise<number> {
  if (!worker) return NaN;
  return worker.api.kernelsPerStep(steps);
}

/** The training worker's time spent so far in steps and snapshots (the bench splits a window with it). */
export async function workerTime(): Promise<WorkerTime | null> {
  if (!worker) return null;
  return worker.api.workerTime();
}

/**
 * Reopens a snapshot JSON exported by the page: its lab, params and trained weights. The file is
 * read and validated completely in the file worker first; a bad file is explained and changes
 * nothing (the current run, params and URL stay as they are).
 */
export async function openSnapshotFile(file: File): Promise<void> {
  let parsed;
  try {
    parsed = await readSnapshotFile(file);
  } catch (err) {
    parsed = {
      error: `${JSON.stringify(file.name.slice(0, 80))} could not be read (${err instanceof Error ? err.message : String(err)}).`,
    };
  }
  if ('error' in parsed) {
    addNotice(`${parsed.error} Nothing was changed.`, 'error');
    return;
  }
  useLab.setState({ labId: parsed.labId, preset: null, params: parsed.params, view: {}, sweep: null, sweepProgress: null });
  sharedSnapshot = { snapshot: parsed.snapshot, source: 'file' };
  syncUrl();
  await startTraining();
}
