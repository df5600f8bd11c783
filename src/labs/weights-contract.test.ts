/**
 * Every lab's declared weight shapes (used to validate imported snapshots before anything changes)
 * are exactly what a fresh run of each preset reports and restores.
 */
import { describe, expect, it } from 'vitest';
import { LABS } from './registry';
import { defaultParams } from '../engine/params';
import { nodeRunContext } from '../cli/node-context';
import { activateNodeBackend } from '../cli/node-backend';
import { checkWeights } from '../engine/weight-check';

describe.each(LABS.map((lab) => [lab.id, lab] as const))('%s weight shapes', (_, lab) => {
  it.each(['(defaults)', ...lab.presets.map((p) => p.name)])('match a fresh run of %s, which restores them', async (name) => {
    await activateNodeBackend('wasm');
    const preset = lab.presets.find((p) => p.name === name);
    const params = { ...defaultParams(lab.params), ...preset?.params };
    const shapes = lab.weightShapes(params);
    const run = await lab.createRun(params, nodeRunContext(1));
    try {
      const snapshot = await run.snapshot();
      for (const [key, shape] of Object.entries(shapes)) expect(snapshot.weights[key]?.shape, key).toEqual(shape);
      const checked = checkWeights(snapshot.weights, shapes, 'fresh run');
      if ('error' in checked) throw new Error(checked.error);
      expect(() => run.restore({ step: 5, loss: 0.1, weights: checked.weights })).not.toThrow();
    } finally {
      run.dispose();
    }
  });
});
