/** A sweep trains a grid of small models together and classifies each cell. */
import type { Metrics, Params, RunContext } from './run-types';

export interface SweepResult {
  xLabel: string;
  yLabel: string;
  xValues: number[];
  yValues: number[];
  /** Class index per cell, row-major over y then x (empty for a sweep that only has series). */
  cells: number[];
  classes: string[];
  /** Curves over the sweep's x values, e.g. a fraction against kurtosis, with spread over seeds. */
  series?: Array<{ label: string; x: number[]; y: number[]; spread?: number[] }>;
}

export interface SweepSpec {
  title: string;
  run(
    params: Params,
    ctx: RunContext,
    onProgress: (fraction: number) => void,
    /** Training steps per model (the runner's --steps); the sweep's own default when absent. */
    steps?: number,
  ): Promise<SweepResult>;
  /** Training steps per model when none are asked for. */
  defaultSteps: number;
  /** The runner's `metrics` for a sweep result (`npm run lab -- <lab> --mode sweep`). */
  metrics?(result: SweepResult): Metrics;
}
