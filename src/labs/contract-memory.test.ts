/**
 * Lab contract (c), for every lab in the registry: the live tfjs tensor count stays flat from step 100
 * to step 1,000 (steps, loss read-backs and snapshots) and returns to its baseline after dispose().
 * The rest of the contract is in contract.test.ts; this part trains longest, so it has its own file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../engine/tf';
import { activateNodeBackend } from '../cli/node-backend';
import { LABS } from './registry';
import { createRun, shapesOf, smallParams, weightsOf } from './contract-kit';

beforeAll(async () => {
  await activateNodeBackend('wasm');
});

describe.each(LABS.map((lab) => [lab.id, lab] as const))('%s keeps the lab contract', (_, lab) => {
  it('(c) the tensor count stays flat from step 100 to step 1,000 and returns to baseline on dispose', async () => {
    const params = smallParams(lab);
    const baseline = tf.memory().numTensors;
    const run = await createRun(lab, params);
    let atStep100 = -1;
    try {
      // Steps in chunks of 10, each followed by a loss read-back; snapshots (with the lab's analysis,
      // the slow part) at steps 100, 550 and 1,000.
      for (let step = 10; step <= 1000; step += 10) {
        run.step(10);
        await run.loss();
        if (step === 100 || step === 550 || step === 1000) await run.snapshot();
        if (step === 100) atStep100 = tf.memory().numTensors;
      }
      expect(atStep100).toBeGreaterThan(baseline); // the run's weights are live tensors
      expect(tf.memory().numTensors).toBe(atStep100);
      const shapes = lab.weightShapes(params);
      expect(shapesOf(weightsOf(await run.snapshot()), Object.keys(shapes))).toEqual(shapes);
    } finally {
      run.dispose();
    }
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
