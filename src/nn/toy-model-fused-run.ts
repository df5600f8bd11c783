/**
 * The toy model's run on the WebGPU backend: the same OwnedRun as the unfused path, but each
 * training step is queued and the queue runs as one fused dispatch (toy-model-fused-webgpu.ts) of up
 * to MAX_STEPS_PER_DISPATCH steps when a step's loss is asked for (the last step of every chunk the
 * engine runs) or the queue is full. Weights, moments and the last loss live in one state tensor.
 */
import { tf, type Tensor } from '../engine/tf';
import { ownedRun, type OwnedRun, type WeightSlot } from '../engine/owned-run';
import { fusedLayout, fusedSteps, initialFusedState } from './toy-model-fused-webgpu';

/** Steps per dispatch at most: long enough to amortise a dispatch, short enough for a GPU watchdog. */
export const MAX_STEPS_PER_DISPATCH = 32;

export interface FusedRunArgs {
  models: number;
  n: number;
  m: number;
  batch: number;
  lr: number;
  importance: number[][];
  /** The pre-generated batches, [poolBatches, G, B, n] flattened. */
  pool: Float32Array;
  poolBatches: number;
  /** [G, m+1, n] flattened: W rows then the bias row. */
  initialParams: Float32Array;
  /** The pool batch of the next step. */
  nextBatch(): number;
}

export function createFusedToyModel(a: FusedRunArgs): OwnedRun {
  const { models: G, n, m, batch: B } = a;
  const shape = { n, m, batch: B };
  const L = fusedLayout(shape);
  const pool = tf.tensor4d(a.pool, [a.poolBatches, G, B, n]);
  const scaledImportance = tf.tensor2d(
    a.importance.flat().map((v) => (2 * v) / B),
    [G, n],
  );
  let state: Tensor = tf.tensor2d(initialFusedState(shape, G, a.initialParams), [G, L.stride]);
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
      replaceState(
        tf.tidy(() =>
          fusedSteps({ ...shape, models: G, lr: a.lr, state, pool, scaledImportance, batchIndices: tf.tensor1d(take, 'int32') }),
        ),
      );
    }
  };

  /** W (rows 0..m−1) and b (row m) are columns of each model's state row. */
  const rows = (from: number, count: number): WeightSlot => ({
    shape: [G, count, n],
    read: async () => {
      flush();
      const part = tf.slice(state, [0, from * n], [G, count * n]);
      const data = Float32Array.from((await part.data()) as Float32Array);
      part.dispose();
      return data;
    },
    write: (data) => {
      flush();
      const next = tf.tidy(() => {
        const parts: Tensor[] = [];
        if (from > 0) parts.push(tf.slice(state, [0, 0], [G, from * n]));
        parts.push(tf.tensor2d(data, [G, count * n]));
        parts.push(tf.slice(state, [0, (from + count) * n], [G, L.stride - (from + count) * n]));
        return tf.concat(parts, 1);
      });
      replaceState(next);
    },
  });

  return ownedRun({
    models: G,
    weights: { W: rows(0, m), b: rows(m, 1) },
    owned: [
      pool,
      scaledImportance,
      {
        dispose: () => {
          queued = [];
          state.dispose();
        },
      },
    ],
    trainStep(withLoss) {
      queued.push(a.nextBatch());
      if (!withLoss && queued.length < MAX_STEPS_PER_DISPATCH) return undefined;
      flush();
      return withLoss ? tf.reshape(tf.slice(state, [0, L.loss], [G, 1]), [G]) : undefined;
    },
  });
}
