// temporary measurement script (deleted before hand-off)
import { useNodeBackend } from '../../cli/node-backend';
import { nodeRunContext } from '../../cli/node-context';
import { defaultParams } from '../../engine/params';
import { spotlightLab } from '.';
import { trainFor } from '../../engine/trainer';
import { quantisationIndex, identityBasis } from '../../analysis/srm';

const [presetName, stepsArg, seedArg, ...rest] = process.argv.slice(2);
await useNodeBackend('wasm');
const preset = spotlightLab.presets.find((p) => p.name === presetName)!;
const params: Record<string, string | number | boolean> = { ...defaultParams(spotlightLab.params), ...preset.params, seed: Number(seedArg ?? 1) };
for (const kv of rest) { const [a, b] = kv.split('='); params[a!] = isNaN(Number(b)) ? b! : Number(b); }
const run = await spotlightLab.createRun(params, nodeRunContext(Number(params.seed)));
const t0 = performance.now();
run.step(20); await run.loss();
const t1 = performance.now();
console.log('ms/step (first 20)', ((t1 - t0) / 20).toFixed(1));
const res = await trainFor(run, Number(stepsArg));
const t2 = performance.now();
console.log('ms/step', ((t2 - t1) / Number(stepsArg)).toFixed(1), 'final', res.finalLoss);
const snap = await run.snapshot();
const m = spotlightLab.metrics(snap, params);
console.log(JSON.stringify({ q: m.quantisationIndex, r: m.reconstructionError, p: m.peakToMean, n: m.peakToMeanRotated }));
const lat = snap.tensors.latent!;
const [G, P, k] = lat.shape as [number, number, number];
for (let g = 0; g < G; g++) {
  const acts = { rows: P, cols: k, data: lat.data.subarray(g * P * k, (g + 1) * P * k) };
  const out: string[] = [];
  for (const eps of [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
    const q = quantisationIndex(acts, identityBasis(k), { epsilon: eps, maxPlanes: 48, seed: 1 });
    const meanFrac = q.srm.mean.reduce((a, b) => a + b, 0) / 360;
    out.push(`ε${eps}: qi ${q.index.toFixed(2)} frac ${meanFrac.toFixed(4)}`);
  }
  console.log(g, out.join(' | '));
}
for (let g = 0; g < G; g++) {
  const z = lat.data.subarray(g * P * k, (g + 1) * P * k);
  let sat = 0, sumAbs = 0, maxAbs = 0;
  for (const v of z) { if (Math.abs(v) > 0.9) sat++; sumAbs += Math.abs(v); maxAbs = Math.max(maxAbs, Math.abs(v)); }
  const q = quantisationIndex({ rows: P, cols: k, data: z }, identityBasis(k), { epsilon: 0.9, seed: 1 });
  const c = q.srm.mean; const nc = q.nullCurve;
  console.log(g, 'sat', (sat / z.length).toFixed(3), 'mean|z|', (sumAbs / z.length).toFixed(3), 'max', maxAbs.toFixed(2),
   'curve@0,22,45,67,90', [0, 22, 45, 67, 90].map((m) => c[m]!.toFixed(4)).join(' '), 'null', [0, 22, 45, 67, 90].map((m) => nc[m]!.toFixed(4)).join(' '));
}
run.dispose();
// latent stats
