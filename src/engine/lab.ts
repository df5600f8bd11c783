/**
 * The contract every lab fulfils, in two parts: the manifest (small: what the page needs to list,
 * link and control a lab, loaded with the page) and the definition (the manifest plus the code that
 * trains and measures, loaded when the lab opens: in the worker, the runner and the tests).
 */
import type { LabViewModule } from '../ui/lab-view-types';
import type { SweepSpec } from './sweep';
import type { ParamSchema } from './param-schema';
import type { HeadlineEffect } from './headline-effect';
import type { Metrics, NamedTensor, ParamSpec, Params, Preset, Run, RunContext, Snapshot, ViewParamSpec } from './run-types';

export type {
  ParamValue,
  NumberParam,
  EnumParam,
  BoolParam,
  ParamSpec,
  TextParam,
  ViewParamSpec,
  Params,
  NamedTensor,
  Snapshot,
  SnapshotOptions,
  Run,
  RunContext,
  Preset,
  MetricValue,
  Metrics,
} from './run-types';

export interface LabManifest {
  id: string;
  title: string;
  summary: string;
  /**
   * The parameters, declared once in the lab's params.ts (engine/param-schema.ts): the schema parses
   * a whole Params object (imported files, presets, tours); the specs derived from it, in order,
   * drive the URL codec, the controls and the runner's flags.
   */
  paramSchema: ParamSchema;
  params: readonly ParamSpec[];
  /** Every view setting the lab's views read; anything else in a link is refused with a warning. */
  viewParamSchema: ParamSchema;
  viewParams: readonly ViewParamSpec[];
  presets: readonly Preset[];
  defaultSteps: number;
  /**
   * The ids of the lab's views (their ViewPanel ids), in page order: `focus=` and `embed=1&view=`
   * in a link must name one of them.
   */
  viewIds: readonly string[];
  /** The preset `npm run bench` times. */
  benchPreset: string;
  /** The paper's result this lab shows: its preset and when the page's metrics show it (bench: time to effect). */
  effect: HeadlineEffect;
  /**
   * The trained weights a snapshot must carry to be restored, with their exact shapes for these
   * params. Imported snapshots (files, links) are checked against it before anything changes.
   */
  weightShapes(params: Params): Record<string, number[]>;
  /** Loaded only by the page, so the worker and the CLI never pull in React. */
  loadViews(): Promise<LabViewModule>;
  /**
   * Files a run trains on (e.g. the user's text corpus): the runner reads `--<flag> a.txt,b.txt`
   * (each checked against maxBytes from its size before reading) into RunContext.userFiles.
   */
  trainingFiles?: TrainingFilesSpec;
}

export interface TrainingFilesSpec {
  flag: string;
  maxBytes: number;
  /** Params the files imply (e.g. data=own); the runner sets them, and refuses a flag that says otherwise. */
  params: Params;
}

export interface LabDefinition extends LabManifest {
  /** May be async, e.g. to load a data asset first. */
  createRun(params: Params, ctx: RunContext): Run | Promise<Run>;
  /**
   * The numbers the runner prints, the tests assert and the page shows (computed in the worker).
   * `staticData` is the run's constant data (Run.staticData), for labs whose metrics need it.
   */
  metrics(snapshot: Snapshot, params: Params, staticData: Readonly<Record<string, NamedTensor>>): Metrics;
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
   * With `trainingFiles`: why these files cannot be trained on (empty, binary, …), or null; checked
   * before they replace the files in use.
   */
  checkTrainingFiles?(files: ReadonlyArray<{ name: string; bytes: ArrayBuffer }>): string | null;
  /** Optional grid of small models trained together (e.g. a phase diagram). */
  sweep?: SweepSpec;
}
