/**
 * The toy model's run on the WebGPU backend: the same OwnedRun as the unfused path (the same W and b
 * weight slots), its steps queued and run several to a fused dispatch (fused-run.ts,
 * toy-model-fused-webgpu.ts). W (rows 0..m−1) and b (row m) are columns of each model's state row.
 */
import { tf } from '../engine/tf';
import type { OwnedRun } from '../engine/owned-run';
import { createFusedRun } from './fused-run';
import { fusedLayout, fusedSteps, initialFusedState } from './toy-model-fused-webgpu';

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
  return createFusedRun({
    models: G,
    stride: L.stride,
    initialState: initialFusedState(shape, G, a.initialParams),
    lossColumn: L.loss,
    weights: { W: { from: 0, shape: [G, m, n] }, b: { from: m * n, shape: [G, 1, n] } },
    owned: [pool, scaledImportance],
    steps: (state, batchIndices) => fusedSteps({ ...shape, models: G, lr: a.lr, state, pool, scaledImportance, batchIndices }),
    nextBatch: () => a.nextBatch(),
  });
}
