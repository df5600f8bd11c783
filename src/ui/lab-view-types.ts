import type { ComponentType } from 'react';
import type { Metrics, NamedTensor, Params, Snapshot } from '../engine/run-types';
import type { SweepResult } from '../engine/sweep';

export interface LabViewProps {
  snapshot: Snapshot | null;
  /** The run's constant data (vocabularies, labels, bases), sent once per run. */
  staticData: Readonly<Record<string, NamedTensor>>;
  metrics: Metrics | null;
  params: Params;
  lossHistory: ReadonlyArray<readonly [number, number]>;
  viewState: Record<string, string>;
  setViewState: (key: string, value: string) => void;
  sweep: SweepResult | null;
  runSweep: () => void;
  sweepProgress: number | null;
  /** Trains on the user's files with these params (labs with trainingFiles); refused with a notice when they do not fit. */
  trainOnFiles: (files: File[], params: Params) => void;
  /** Names of the files runs train on now. */
  trainingFiles: readonly string[];
}

export interface LabViewModule {
  default: ComponentType<LabViewProps>;
}
