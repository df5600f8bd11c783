/** The types a run and its parameters are made of: shared by the engine, the views and every lab. */
import type { Rng } from './rng';

export type ParamValue = number | string | boolean;

interface ParamBase {
  key: string;
  label: string;
  help?: string;
}
export interface NumberParam extends ParamBase {
  kind: 'int' | 'float';
  min: number;
  max: number;
  default: number;
  /** Slider resolution; a log slider moves in log space. */
  step?: number;
  log?: boolean;
}
export interface EnumParam extends ParamBase {
  kind: 'enum';
  options: readonly string[];
  default: string;
}
export interface BoolParam extends ParamBase {
  kind: 'bool';
  default: boolean;
}
export type ParamSpec = NumberParam | EnumParam | BoolParam | TextParam;
/** Free text shown as text only (word lists, searches): printable, no markup brackets, length-capped. */
export interface TextParam extends ParamBase {
  kind: 'text';
  default: string;
  maxLength: number;
  /** The whole value must match (anchored by the codec). */
  pattern?: RegExp;
}
/**
 * View settings (`view_*` in a link): validated like the parameters, but they never restart a run.
 * An absent value lets the view choose (its default may depend on the params).
 */
export type ViewParamSpec = ParamSpec;
export type Params = Record<string, ParamValue>;

export interface NamedTensor {
  shape: number[];
  data: Float32Array;
}

/**
 * What a run reports: plain typed arrays, cheap to transfer between threads. `weights` are what a
 * restore needs (checked against the lab's weightShapes); `analysis` holds the read-outs computed
 * from them in the worker, as of `analysisStep`.
 */
export interface Snapshot<W extends string = string, A extends string = string> {
  step: number;
  loss: number;
  weights: Record<W, NamedTensor>;
  analysis?: Partial<Record<A, NamedTensor>>;
  analysisStep?: number;
}

export interface SnapshotOptions {
  /**
   * 'fresh' (the default: runner, tests, a paused page) computes the analysis for this step;
   * 'budgeted' (the page's play loop) lets the engine keep an older one (engine/analysis-budget.ts);
   * 'weights-only' (the trainer's restore points) leaves it alone, unless the lab's analysis keeps a
   * history over training, which then needs every probe.
   */
  analysis?: 'fresh' | 'budgeted' | 'weights-only';
}

export interface Run {
  /** Runs n optimiser steps without reading anything back. */
  step(n: number): void;
  /** Loss of the latest step (reads back one scalar). */
  loss(): Promise<number>;
  /** The weights (and analysis) as fresh arrays the caller owns: the worker transfers them to the page. */
  snapshot(opts?: SnapshotOptions): Promise<Snapshot>;
  /** Puts weights from a snapshot back (after divergence or a backend change). */
  restore(snapshot: Snapshot): void;
  dispose(): void;
  /** Constant for the run (vocabularies, labels, bases): sent to the page once, not per snapshot. */
  readonly staticData: Record<string, NamedTensor>;
}

export interface RunContext {
  rng: Rng;
  /**
   * Reads a generated data asset (e.g. `mnist.bin`) by name: fetched with progress in the browser,
   * read from `public/data/` in Node. Assets are built by `npm run data`.
   */
  loadAsset: (name: string) => Promise<ArrayBuffer>;
  /** Files the user gave for this run (e.g. a text corpus), when the lab takes any. */
  userFiles?: ReadonlyArray<{ name: string; bytes: ArrayBuffer }>;
  /** Reports long preparation work (e.g. tokenising the user's text) as a progress bar; fraction 1 means done. */
  progress?(label: string, fraction: number): void;
}

export interface Preset {
  name: string;
  description: string;
  params: Params;
  /** Steps the runner trains for when the preset is run without --steps. */
  steps?: number;
}

export type MetricValue = number | string | number[] | number[][] | { [key: string]: MetricValue };
export type Metrics = Record<string, MetricValue>;
