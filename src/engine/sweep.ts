/** A sweep trains a grid of small models together and classifies each cell. */
import type { Params, RunContext } from './lab';

export interface SweepResult {
  xLabel: string;
  yLabel: string;
  xValues: number[];
  yValues: number[];
  /** Class index per cell, row-major over y then x. */
  cells: number[];
  classes: string[];
}

export interface SweepSpec {
  title: string;
  run(
    params: Params,
    ctx: RunContext,
    onProgress: (fraction: number) => void,
  ): Promise<SweepResult>;
}
