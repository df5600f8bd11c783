/**
 * Optional check on a machine with a real GPU (not part of `npm test`): runs every lab's bench
 * preset on tfjs's WebGPU backend in Node through Dawn (`dawn.node` from the `webgpu` package, path
 * in DAWN_NODE), and prints the adapter, ms per step and whether the loss falls, as JSON.
 *   DAWN_NODE=/path/dawn.node node check.mjs   (bundled with esbuild; see README)
 */
import { createRequire } from 'node:module';
import { tf } from '../src/engine/tf';
import { LABS } from '../src/labs/registry';
import { resolveParams } from '../src/state/param-codec';
import { nodeRunContext } from '../src/cli/node-context';
import { num } from '../src/engine/params';

interface Dawn {
  create(flags: string[]): GPU;
  globals: Record<string, unknown>;
}

async function main(): Promise<void> {
  const dawnPath = process.env.DAWN_NODE;
  if (!dawnPath) throw new Error('set DAWN_NODE to the path of dawn.node');
  const dawn = createRequire(import.meta.url)(dawnPath) as Dawn;
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create((process.env.DAWN_FLAGS ?? '').split(' ').filter(Boolean));
  Object.defineProperty(globalThis, 'navigator', { value: { gpu, userAgent: 'node' }, configurable: true });
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  const info = (adapter as unknown as { info?: Record<string, unknown> } | null)?.info ?? null;
  // The backend registers itself only if navigator.gpu exists when its module loads.
  await import('@tensorflow/tfjs-backend-webgpu');
  const ok = await tf.setBackend('webgpu');
  await tf.ready();
  const results: Array<Record<string, unknown>> = [];
  for (const lab of LABS) {
    const preset = lab.presets.find((p) => p.name === lab.benchPreset)!;
    const params = resolveParams(lab.params, {}, preset.params).params;
    const row: Record<string, unknown> = { lab: lab.id, preset: preset.name };
    try {
      const run = await lab.createRun(params, nodeRunContext(num(params, 'seed')));
      run.step(1);
      const first = await run.loss();
      run.step(3);
      await run.loss();
      let steps = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < 3000 && steps < 2000) {
        run.step(10);
        await run.loss();
        steps += 10;
      }
      const ms = (performance.now() - t0) / steps;
      const last = await run.loss();
      run.dispose();
      Object.assign(row, { msPerStep: +ms.toFixed(3), steps, firstLoss: first, lastLoss: last, lossFell: last < first });
    } catch (err) {
      row.error = err instanceof Error ? err.message : String(err);
    }
    results.push(row);
    process.stderr.write(`${JSON.stringify(row)}\n`);
  }
  process.stdout.write(`${JSON.stringify({ backend: tf.getBackend(), setBackend: ok, adapter: info, results }, null, 1)}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
