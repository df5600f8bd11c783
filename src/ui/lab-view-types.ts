import type { ComponentType } from 'react';
import type { Metrics, Params, Snapshot } from '../engine/run-types';
import type { SweepResult } from '../engine/sweep';

export interface LabViewProps {
  snapshot: Snapshot | null;
  metrics: Metrics | null;
  params: Params;
  lossHistory: ReadonlyArray<readonly [number, number]>;
  viewState: Record<string, string>;
  setViewState(key: string, value: string): void;
  sweep: SweepResult | null;
  runSweep(): void;
  sweepProgress: number | null;
}

export interface LabViewModule {
  default: ComponentType<LabViewProps>;
}
