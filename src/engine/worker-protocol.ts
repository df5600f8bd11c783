/** Messages between the training worker and the page. Snapshots carry transferred buffers. */
import type { Metrics, NamedTensor, Params, Snapshot } from './lab';
import type { BackendName } from './backend-names';
import type { BackendRequest } from './backend-names';
import type { SweepResult } from './sweep';
import type { WorkerTime } from './time-ledger';

export type WorkerEvent =
  /** `metrics` are the lab's metrics of this snapshot, computed here in the worker. */
  | { type: 'snapshot'; snapshot: Snapshot; metrics: Metrics; loss: Array<[number, number]>; stepsPerSecond: number }
  /** Data constant for the run just created (Run.staticData), sent once before its first snapshot. */
  | { type: 'static'; data: Record<string, NamedTensor> }
  | { type: 'status'; playing: boolean; step: number }
  | { type: 'notice'; text: string; level: 'info' | 'warning' | 'error' }
  | { type: 'backend'; backend: BackendName; adapter?: string; threads?: number | null; adamSimd?: boolean | null }
  | { type: 'sweep-progress'; fraction: number }
  /** Long preparation work (asset downloads, data decoding); fraction 1 means done. */
  | { type: 'progress'; label: string; fraction: number };

/** Where restored weights come from, for the notices: a link's hash, a file, or the run before a backend change. */
export type SnapshotSource = 'link' | 'file' | 'backend';

export interface InitRequest {
  labId: string;
  params: Params;
  backend: BackendRequest;
  /** Trained weights from a shared link: restored into the new run if they fit it. */
  snapshot?: Snapshot;
  snapshotSource?: SnapshotSource;
  /** Files the run trains on (the lab's trainingFiles), already size-checked by the page. */
  files?: File[];
}

/** Steps per second; 0 means as fast as the backend allows. */
export type Speed = number;

export interface TrainerApi {
  init(request: InitRequest, onEvent: (event: WorkerEvent) => void): Promise<{ backend: BackendName }>;
  reset(params: Params): Promise<void>;
  play(): void;
  /** Stops after the chunk in flight and posts the final snapshot. */
  pause(): Promise<void>;
  step(count: number): Promise<void>;
  setSpeed(speed: Speed): void;
  runSweep(params: Params): Promise<SweepResult | null>;
  /**
   * The page found the run diverged (e.g. a metric overflowed): pause, put `restorePoint` back (or
   * the last finite snapshot) and say why.
   */
  diverged(reason: string, restorePoint?: Snapshot): Promise<void>;
  /**
   * Reads the files runs train on (sizes checked against the lab's limit before anything is read);
   * resolves to a message when they are refused (the files kept before stay).
   */
  setTrainingFiles(files: File[]): Promise<string | null>;
  /** Average ms per step over `steps` steps, measured without posting snapshots. */
  benchmark(steps: number): Promise<number>;
  /** Kernels (backend dispatches) per training step of a fresh copy of the run, over `steps` steps (kernel-count.ts). */
  kernelsPerStep(steps: number): Promise<number>;
  /** Time spent so far in training steps and snapshots (time-ledger.ts). */
  workerTime(): WorkerTime;
}
