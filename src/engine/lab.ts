/** The contract every lab fulfils. The shell, URL codec, worker, runner and tests iterate over it. */
import type { Rng } from './rng';
import type { LabViewModule } from '../ui/lab-view-types';
import type { SweepSpec } from './sweep';

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

/** What a run reports: plain typed arrays, cheap to transfer between threads. */
export interface Snapshot {
  step: number;
  loss: number;
  tensors: Record<string, NamedTensor>;
}

export interface Run {
  /** Runs n optimiser steps without reading anything back. */
  step(n: number): void;
  /** Loss of the latest step (reads back one scalar). */
  loss(): Promise<number>;
  snapshot(): Promise<Snapshot>;
  /** Puts weights from a snapshot back (after divergence or a backend change). */
  restore(snapshot: Snapshot): void;
  dispose(): void;
}

export interface RunContext {
  rng: Rng;
  /**
   * Reads a generated data asset (e.g. `mnist.bin`) by name: fetched with progress in the browser,
   * read from `public/data/` in Node. Assets are built by `npm run data`.
   */
  loadAsset(name: string): Promise<ArrayBuffer>;
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

export interface LabDefinition {
  id: string;
  title: string;
  summary: string;
  params: readonly ParamSpec[];
  /** Every view setting the lab's views read; anything else in a link is refused with a warning. */
  viewParams: readonly ViewParamSpec[];
  presets: readonly Preset[];
  defaultSteps: number;
  /** The preset `npm run bench` times. */
  benchPreset: string;
  /**
   * The trained weights a snapshot must carry to be restored, with their exact shapes for these
   * params. Imported snapshots (files, links) are checked against it before anything changes.
   */
  weightShapes(params: Params): Record<string, number[]>;
  /** May be async, e.g. to load a data asset first. */
  createRun(params: Params, ctx: RunContext): Run | Promise<Run>;
  metrics(snapshot: Snapshot, params: Params): Metrics;
  /** Loaded only by the page, so the worker and the CLI never pull in React. */
  loadViews(): Promise<LabViewModule>;
  /**
   * Analysis of user-supplied files instead of training, used by the runner when `trigger` is
   * given (e.g. `--activations a.npy [--basis b.npy]`). It throws an Error with a precise message
   * on a malformed or mismatched file.
   */
  fileAnalysis?: {
    trigger: string;
    /** Flags whose values are file paths (the runner reads them). */
    fileFlags: readonly string[];
    /** Other flags passed through as strings (e.g. `--epsilon 0.8`). */
    optionFlags?: readonly string[];
    analyse(
      files: Record<string, { name: string; bytes: ArrayBuffer }>,
      options: Record<string, string>,
      params: Params,
    ): Record<string, unknown> | Promise<Record<string, unknown>>;
  };
  /**
   * Files a run trains on (e.g. the user's text corpus): the runner reads `--<flag> a.txt,b.txt`
   * (each checked against maxBytes from its size before reading) into RunContext.userFiles.
   */
  trainingFiles?: {
    flag: string;
    maxBytes: number;
    /** Why these files cannot be trained on (empty, binary, …), or null; checked before they replace the files in use. */
    check(files: ReadonlyArray<{ name: string; bytes: ArrayBuffer }>): string | null;
    /** Params the files imply (e.g. data=own); the runner sets them, and refuses a flag that says otherwise. */
    params: Params;
  };
  /** Optional grid of small models trained together (e.g. a phase diagram). */
  sweep?: SweepSpec;
}


