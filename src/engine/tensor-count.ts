/** Counts live tfjs tensors around a stretch of training: used by every lab's leak test. */
import { tf } from './tf';
import type { Run } from './lab';

export interface TensorCounts {
  /** Live tensors once the run exists and has stepped, read back and snapshotted once. */
  warmed: number;
  /** Live tensors after `chunks` × `chunkSize` more steps (with reads and snapshots). */
  afterTraining: number;
  /** Live tensors after dispose(). */
  afterDispose: number;
}

export async function countTensorsWhileTraining(
  run: Run,
  opts: { chunks?: number; chunkSize?: number; snapshotEvery?: number } = {},
): Promise<TensorCounts> {
  const { chunks = 100, chunkSize = 10, snapshotEvery = 20 } = opts;
  run.step(chunkSize);
  await run.loss();
  await run.snapshot();
  const warmed = tf.memory().numTensors;
  for (let i = 0; i < chunks; i++) {
    run.step(chunkSize);
    await run.loss();
    if (i % snapshotEvery === 0) await run.snapshot();
  }
  await run.snapshot();
  const afterTraining = tf.memory().numTensors;
  run.dispose();
  return { warmed, afterTraining, afterDispose: tf.memory().numTensors };
}
