/**
 * The OwnedRun of a fused WebGPU training step (fused-webgpu.ts): each training step is queued and
 * the queue runs as one fused dispatch of up to MAX_STEPS_PER_DISPATCH steps when a step's loss is
 * asked for (the last step of every chunk the engine runs) or the queue is full. Weights, moments and
 * the last loss live in one state tensor [G, stride]; each weight is a range of columns of it.
 */
import { tf, type Tensor } from '../engine/tf';
import { ownedRun, type OwnedRun, type WeightSlot } from '../engine/owned-run';

/** Steps per dispatch at most: long enough to amortise a dispatch, short enough for a GPU watchdog. */
export const MAX_STEPS_PER_DISPATCH = 32;

export interface FusedWeight {
  /** First column of the weight in a model's state row. */
  from: number;
  /** Its shape: its size / G columns of each model's row, in row-major order. */
  shape: number[];
}

export interface FusedRunSpec<W extends string> {
  models: number;
  stride: number;
  /** [G, stride] flattened. */
  initialState: Float32Array;
  /** Column of the last step's loss. */
  lossColumn: number;
  weights: Record<W, FusedWeight>;
  /** Tensors the steps read (pools, constants), freed on dispose. */
  owned: Tensor[];
  /** Runs the steps of the given pool batches (int32 [k]) and returns the new state; neither input is disposed. */
  steps(state: Tensor, batchIndices: Tensor): Tensor;
  /** The pool batch of the next step. */
  nextBatch(): number;
}

/** Where a state tensor [G, stride] lives, for weight slots over its columns. */
export interface StateHolder {
  readonly models: number;
  readonly stride: number;
  get(): Tensor;
  /** Keeps `next` (out of any enclosing tidy) as the state and frees the old one. */
  replace(next: Tensor): void;
  /** Runs whatever is queued before the state is read or written. */
  settle(): void;
}

export function stateHolder(initial: Tensor, settle: () => void = () => undefined): StateHolder {
  let state = initial;
  const [models, stride] = initial.shape as [number, number];
  return {
    models,
    stride,
    get: () => state,
    replace(next) {
      const old = state;
      state = tf.keep(next);
      old.dispose();
    },
    settle: () => settle(),
  };
}

/** A weight that is a range of columns of every model's state row. */
export function stateSlot(h: StateHolder, { from, shape }: FusedWeight): WeightSlot {
  const G = h.models;
  const width = shape.reduce((a, b) => a * b, 1) / G;
  return {
    shape,
    read: async () => {
      h.settle();
      const part = tf.slice(h.get(), [0, from], [G, width]);
      const data = Float32Array.from((await part.data()) as Float32Array);
      part.dispose();
      return data;
    },
    write: (data) => {
      h.settle();
      const state = h.get();
      const next = tf.tidy(() => {
        const parts: Tensor[] = [];
        if (from > 0) parts.push(tf.slice(state, [0, 0], [G, from]));
        parts.push(tf.tensor2d(data, [G, width]));
        parts.push(tf.slice(state, [0, from + width], [G, h.stride - from - width]));
        return tf.concat(parts, 1);
      });
      h.replace(next);
    },
  };
}

export function createFusedRun<W extends string>(spec: FusedRunSpec<W>): OwnedRun {
  const { models: G } = spec;
  let queued: number[] = [];
  const flush = () => {
    while (queued.length > 0) {
      const take = queued.splice(0, MAX_STEPS_PER_DISPATCH);
      state.replace(tf.tidy(() => spec.steps(state.get(), tf.tensor1d(take, 'int32'))));
    }
  };
  const state = stateHolder(tf.tensor2d(spec.initialState, [G, spec.stride]), flush);

  const weights = {} as Record<W, WeightSlot>;
  for (const name of Object.keys(spec.weights) as W[]) weights[name] = stateSlot(state, spec.weights[name]);

  return ownedRun({
    models: G,
    weights,
    owned: [
      ...spec.owned,
      {
        dispose: () => {
          queued = [];
          state.get().dispose();
        },
      },
    ],
    trainStep(withLoss) {
      queued.push(spec.nextBatch());
      if (!withLoss && queued.length < MAX_STEPS_PER_DISPATCH) return undefined;
      flush();
      return withLoss ? tf.reshape(tf.slice(state.get(), [0, spec.lossColumn], [G, 1]), [G]) : undefined;
    },
  });
}
