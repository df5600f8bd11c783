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
  /** Its shape, [G, ...]: the rest is its columns in row-major order. */
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

export function createFusedRun<W extends string>(spec: FusedRunSpec<W>): OwnedRun {
  const { models: G, stride } = spec;
  let state: Tensor = tf.tensor2d(spec.initialState, [G, stride]);
  let queued: number[] = [];

  /** Replaces the state tensor (kept out of any enclosing tidy) and frees the old one. */
  const replaceState = (next: Tensor) => {
    const old = state;
    state = tf.keep(next);
    old.dispose();
  };

  const flush = () => {
    while (queued.length > 0) {
      const take = queued.splice(0, MAX_STEPS_PER_DISPATCH);
      replaceState(tf.tidy(() => spec.steps(state, tf.tensor1d(take, 'int32'))));
    }
  };

  const slot = ({ from, shape }: FusedWeight): WeightSlot => {
    const width = shape.slice(1).reduce((a, b) => a * b, 1);
    return {
      shape,
      read: async () => {
        flush();
        const part = tf.slice(state, [0, from], [G, width]);
        const data = Float32Array.from((await part.data()) as Float32Array);
        part.dispose();
        return data;
      },
      write: (data) => {
        flush();
        const next = tf.tidy(() => {
          const parts: Tensor[] = [];
          if (from > 0) parts.push(tf.slice(state, [0, 0], [G, from]));
          parts.push(tf.tensor2d(data, [G, width]));
          parts.push(tf.slice(state, [0, from + width], [G, stride - from - width]));
          return tf.concat(parts, 1);
        });
        replaceState(next);
      },
    };
  };

  const weights = {} as Record<W, WeightSlot>;
  for (const name of Object.keys(spec.weights) as W[]) weights[name] = slot(spec.weights[name]);

  return ownedRun({
    models: G,
    weights,
    owned: [
      ...spec.owned,
      {
        dispose: () => {
          queued = [];
          state.dispose();
        },
      },
    ],
    trainStep(withLoss) {
      queued.push(spec.nextBatch());
      if (!withLoss && queued.length < MAX_STEPS_PER_DISPATCH) return undefined;
      flush();
      return withLoss ? tf.reshape(tf.slice(state, [0, spec.lossColumn], [G, 1]), [G]) : undefined;
    },
  });
}
