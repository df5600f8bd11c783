/** Wires the page's store to the training worker and the URL. */
import * as Comlink from 'comlink';
import type { ParamValue, Snapshot } from '../engine/lab';
import type { WorkerEvent } from '../engine/worker-protocol';
import { startWorker, type WorkerHandle } from '../engine/worker-client';
import type { BackendRequest } from '../engine/browser-backends';
import { findLab } from '../labs/registry';
import { addNotice, useLab } from './store';
import { decodeUrlState, defaultUrlState, encodeUrlState, type UrlState } from './url-state';
import { resolveParams } from './param-codec';
import { decodeSnapshotHash, encodeSnapshotHash } from './hash-snapshot';
import { parseSnapshotFile } from './snapshot-file';

const MAX_LOSS_POINTS = 4000;

let worker: WorkerHandle | null = null;
let pending: { snapshot: Snapshot; loss: Array<[number, number]>; stepsPerSecond: number } | null = null;
let frameRequested = false;
/** Weights from the link's hash, handed to the worker once at start. */
let sharedSnapshot: Snapshot | null = null;

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
  };
}

export function shareableUrl(): string {
  return `${location.origin}${location.pathname}${encodeUrlState(urlStateOf())}`;
}

/** The link plus the current weights in the hash, or null when the model is too large for a link. */
export function shareableUrlWithWeights(): string | null {
  const snapshot = useLab.getState().snapshot;
  if (!snapshot) return null;
  const hash = encodeSnapshotHash(snapshot);
  return hash ? `${shareableUrl()}#${hash}` : null;
}

/** Parameter edits replace the history entry rather than pushing one per slider tick. */
function syncUrl(): void {
  history.replaceState(null, '', encodeUrlState(urlStateOf()));
}

function appendLoss(history: Array<[number, number]>, points: Array<[number, number]>): Array<[number, number]> {
  let out = history.concat(points);
  if (out.length > MAX_LOSS_POINTS) out = out.filter((_, i) => i % 2 === 0 || i === out.length - 1);
  return out;
}

function flushFrame(): void {
  frameRequested = false;
  if (!pending) return;
  const { snapshot, loss, stepsPerSecond } = pending;
  pending = null;
  const s = useLab.getState();
  const lab = findLab(s.labId);
  useLab.setState({
    snapshot,
    metrics: lab ? lab.metrics(snapshot, s.params) : null,
    lossHistory: snapshot.step === 0 ? loss : appendLoss(s.lossHistory, loss),
    step: snapshot.step,
    stepsPerSecond,
  });
}

function onWorkerEvent(event: WorkerEvent): void {
  switch (event.type) {
    case 'snapshot':
      pending = pending
        ? { snapshot: event.snapshot, loss: pending.loss.concat(event.loss), stepsPerSecond: event.stepsPerSecond }
        : { snapshot: event.snapshot, loss: event.loss, stepsPerSecond: event.stepsPerSecond };
      if (event.snapshot.step === 0) useLab.setState({ lossHistory: [] });
      if (!frameRequested) {
        frameRequested = true;
        requestAnimationFrame(flushFrame);
      }
      break;
    case 'status':
      // The step shown comes from snapshots only (applied on animation frames), so that the readout
      // and the views always describe the same weights.
      useLab.setState({ playing: event.playing });
      break;
    case 'notice':
      addNotice(event.text, event.level);
      break;
    case 'backend':
      useLab.setState({ backendInUse: event.backend, adapter: event.adapter ?? null });
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
  const handle = startWorker();
  worker = handle;
  // Whatever the old worker sent and is still queued belongs to another run (maybe another lab).
  pending = null;
  const s = useLab.getState();
  useLab.setState({ ready: false, playing: false, step: 0, snapshot: null, metrics: null, lossHistory: [], backendInUse: null, sweepProgress: null });
  try {
    const snapshot = sharedSnapshot ?? undefined;
    sharedSnapshot = null;
    const onEvent = (event: WorkerEvent) => {
      if (worker === handle) onWorkerEvent(event);
    };
    await handle.api.init({ labId: s.labId, params: s.params, backend: s.backend, snapshot }, Comlink.proxy(onEvent));
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
  useLab.setState({ ...state, notices: [], sweep: null, sweepProgress: null });
  for (const w of warnings) addNotice(w, 'warning', 'url');
  const shared = decodeSnapshotHash(hash);
  if (shared && 'error' in shared) addNotice(shared.error, 'warning', 'url');
  sharedSnapshot = shared && 'snapshot' in shared ? shared.snapshot : null;
  syncUrl();
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
  void worker?.api.reset(useLab.getState().params);
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

export function setBackend(backend: BackendRequest): void {
  useLab.setState({ backend });
  syncUrl();
  void startTraining();
}

export function setSpeed(speed: number): void {
  useLab.setState({ speed });
  syncUrl();
  void worker?.api.setSpeed(speed);
}

export function setView(key: string, value: string): void {
  useLab.setState((s) => ({ view: { ...s.view, [key]: value } }));
  syncUrl();
}

export function setLecture(lecture: boolean): void {
  useLab.setState({ lecture });
  syncUrl();
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

/**
 * Reopens a snapshot JSON exported by the page: its lab, params and trained weights. A malformed
 * file, an unknown lab or an invalid parameter is reported and changes nothing.
 */
export async function openSnapshotFile(file: File): Promise<void> {
  const parsed = parseSnapshotFile(file.name, await file.text());
  if ('error' in parsed) {
    addNotice(parsed.error, 'error');
    return;
  }
  const lab = findLab(parsed.labId);
  if (!lab) {
    addNotice(`${file.name} is a snapshot of an unknown lab ${JSON.stringify(parsed.labId.slice(0, 40))}; nothing was changed.`, 'error');
    return;
  }
  const { params, warnings } = resolveParams(lab.params, parsed.rawParams);
  if (warnings.length) {
    addNotice(`${file.name}: ${warnings.join('; ')}; nothing was changed.`, 'error');
    return;
  }
  useLab.setState({ labId: lab.id, preset: null, params, sweep: null, sweepProgress: null });
  sharedSnapshot = parsed.snapshot;
  syncUrl();
  await startTraining();
}
