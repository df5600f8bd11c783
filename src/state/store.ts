/** The page's state. The worker's snapshots land here at most once per animation frame. */
import { create } from 'zustand';
import type { Metrics, NamedTensor, Snapshot } from '../engine/lab';
import type { BackendName } from '../engine/backend-names';
import type { SweepResult } from '../engine/sweep';
import { defaultUrlState, type UrlState } from './url-state';

export interface Notice {
  id: number;
  text: string;
  level: 'info' | 'warning' | 'error';
  /** URL warnings are about the link itself; run notices about training and backends. */
  source: 'url' | 'run';
}

export interface LabState extends UrlState {
  backendInUse: BackendName | null;
  adapter: string | null;
  /** tfjs-wasm's thread count (1 unless the page is cross-origin isolated); null for other backends. */
  threads: number | null;
  /** Whether Adam's update runs as WebAssembly SIMD (nn/simd-moments.ts); null for other backends. */
  adamSimd: boolean | null;
  playing: boolean;
  step: number;
  /** The worker's step count as of its latest status; a paused run's final snapshot is at this step. */
  workerStep: number;
  snapshot: Snapshot | null;
  /** The run's constant data (Run.staticData), sent once when the run is created. */
  staticData: Record<string, NamedTensor>;
  metrics: Metrics | null;
  lossHistory: Array<[number, number]>;
  stepsPerSecond: number;
  notices: Notice[];
  helpOpen: boolean;
  sweep: SweepResult | null;
  sweepProgress: number | null;
  /** Data loading or preparation in the worker; null when idle. */
  progress: { label: string; fraction: number } | null;
  /** Names of the user's files runs train on (e.g. a text corpus). */
  trainingFiles: string[];
  ready: boolean;
  /** Counts the links opened in this page (the first load, back/forward, a pasted hash). */
  boots: number;
}

let noticeId = 0;

export const useLab = create<LabState>(() => ({
  ...defaultUrlState(),
  backendInUse: null,
  adapter: null,
  threads: null,
  adamSimd: null,
  playing: false,
  step: 0,
  workerStep: 0,
  snapshot: null,
  staticData: {},
  metrics: null,
  lossHistory: [],
  stepsPerSecond: 0,
  notices: [],
  helpOpen: false,
  sweep: null,
  sweepProgress: null,
  progress: null,
  trainingFiles: [],
  boots: 0,
  ready: false,
}));

export function addNotice(text: string, level: Notice['level'], source: Notice['source'] = 'run'): void {
  useLab.setState((s) => ({ notices: [...s.notices.filter((n) => n.text !== text), { id: ++noticeId, text, level, source }] }));
}

export function dismissNotice(id: number): void {
  useLab.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
}
