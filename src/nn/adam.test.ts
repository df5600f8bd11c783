import { beforeAll, describe, expect, it } from 'vitest';
import { tf, type Tensor, type Variable } from '../engine/tf';
import { activateNodeBackend } from '../cli/node-backend';
import { createRng } from '../engine/rng';
import { adam, FUSED_MAX_SIZE } from './adam';
import { momentsInSimd } from './adam-wasm-kernel';

beforeAll(async () => {
  await activateNodeBackend('wasm');
});

/** Three small variables and one over FUSED_MAX_SIZE (op by op without WebAssembly SIMD, in the kernel with it). */
const SHAPES = [[3, 7], [5], [2, 4, 6], [130, 130]] as const;

/** Three variables trained for `steps` steps on a fixed stream of random gradients (seed 11). */
function train(optimizer: { applyGradients(g: Array<{ name: string; tensor: Tensor }>): void }, vars: Variable[], steps: number): void {
  const rng = createRng(11);
  for (let s = 0; s < steps; s++) {
    tf.tidy(() => {
      const grads = vars.map((v) => ({
        name: v.name,
        // Gradients that change scale over time, some zero, as a real run's do.
        tensor: tf.tensor(
          Float32Array.from({ length: v.size }, () => (rng.next() < 0.2 ? 0 : rng.normal() * (1 + (s % 7)))),
          v.shape,
        ),
      }));
      optimizer.applyGradients(grads);
    });
  }
}

function variables(tag: string): Variable[] {
  const rng = createRng(3);
  return SHAPES.map((shape, i) =>
    tf.tidy(() =>
      tf.variable(
        tf.tensor(
          Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal()),
          [...shape],
        ),
        true,
        `adam-test-${tag}-${i}`,
      ),
    ),
  );
}

describe('adam (one wasm kernel a step)', () => {
  it('gives tf.train.adam’s weights after 100 steps, with one kernel a step for every variable and nothing leaked', async () => {
    const start = tf.memory().numTensors;
    const fusedVars = variables('fused');
    const referenceVars = variables('reference');
    const fused = adam(0.01);
    const reference = tf.train.adam(0.01);
    train(fused, fusedVars, 100);
    train(reference, referenceVars, 100);
    let maxDiff = 0;
    let moved = 0;
    const initial = variables('initial');
    for (let i = 0; i < SHAPES.length; i++) {
      const a = fusedVars[i]!.dataSync();
      const b = referenceVars[i]!.dataSync();
      const c = initial[i]!.dataSync();
      for (let k = 0; k < a.length; k++) {
        maxDiff = Math.max(maxDiff, Math.abs(a[k]! - b[k]!));
        moved = Math.max(moved, Math.abs(a[k]! - c[k]!));
      }
    }
    expect(moved).toBeGreaterThan(0.1); // 100 steps at lr 0.01 move weights (0.27 here): the comparison is not of untouched values
    expect(maxDiff).toBe(0); // the same float32 operations in the same order

    expect(fusedVars.filter((v) => v.size > FUSED_MAX_SIZE)).toHaveLength(1);
    expect(momentsInSimd()).toBe(true); // so the large one goes through the kernel too
    const profile = await tf.profile(() =>
      tf.tidy(() => fused.applyGradients(fusedVars.map((v) => ({ name: v.name, tensor: tf.onesLike(v) })))),
    );
    expect(profile.kernels.filter((k) => k.name !== 'OnesLike' && k.name !== 'Fill').map((k) => k.name)).toEqual(['GeometryLabAdam']);

    fused.dispose();
    reference.dispose();
    tf.dispose([...fusedVars, ...referenceVars, ...initial]);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('names a gradient whose shape is not its variable’s', () => {
    const v = tf.tidy(() => tf.variable(tf.zeros([2, 3]), true, 'adam-test-shape'));
    const optimizer = adam(0.1);
    expect(() => tf.tidy(() => optimizer.applyGradients([{ name: v.name, tensor: tf.zeros([3, 2]) }]))).toThrow(
      /adam-test-shape is float32 \[3,2\], the variable float32 \[2,3\]/,
    );
    optimizer.dispose();
    v.dispose();
  });
});
