/** Messages between the training worker and the page. Snapshots carry transferred buffers. */
import type { Params, Snapshot } from './lab';
import type { BackendName } from './tf';
import type { BackendRequest } from './browser-backends';
import type { SweepResult } from './sweep';

export type WorkerEvent =
  | { type: 'snapshot'; snapshot: Snapshot; loss: Array<[number, number]>; stepsPerSecond: number }
  | { type: 'status'; playing: boolean; step: number }
  | { type: 'notice'; text: string; level: 'info' | 'warning' | 'error' }
  | { type: 'backend'; backend: BackendName; adapter?: string }
  | { type: 'sweep-progress'; fraction: number }
  /** Long preparation work (asset downloads, data decoding); fraction 1 means done. */
  | { type: 'progress'; label: string; fraction: number };

export interface InitRequest {
  labId: string;
  params: Params;
  backend: BackendRequest;
  /** Trained weights from a shared link: restored into the new run if they fit it. */
  snapshot?: Snapshot;
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
  /** Average ms per step over `steps` steps, measured without posting snapshots. */
  benchmark(steps: number): Promise<number>;
}
