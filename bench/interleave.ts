/**
 * `npm run bench:interleave`: the project against PyTorch with the two sides alternated, lab by lab
 * and round by round, so that both meet the same machine load (`npm run bench` runs PyTorch last, and
 * on a shared machine its figures move with the load). Per round: Node wasm (median of 3 trials of
 * about a second), Chromium wasm (the page's worker, `measureStep`, median of 3) and PyTorch
 * (bench/pytorch_reference.py, 3 trials), each lab's bench preset, after one untimed warm-up round
 * (JIT, and the page's worker right after load, run slower). Needs a build (`npm run build`)
 * and a Python with torch. LABS=superposition,capacity and ROUNDS=4 choose what runs.
 */
import { spawn } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { LABS } from '../src/labs/registry';
import type { LabDefinition } from '../src/engine/lab';
import { nodeRunContext } from '../src/cli/node-context';
import { num } from '../src/engine/params';
import { resolveParams } from '../src/state/param-codec';
import { activateNodeBackend } from '../src/cli/node-backend';
import { findTorchPython, runTorchReference, torchConfig } from './pytorch-config';

const PORT = 4175;
const ROUNDS = Number(process.env.ROUNDS ?? 4);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Handle {
  geometryLab?: { state(): { ready: boolean }; measureStep(n: number): Promise<number> };
}

async function nodeMs(lab: LabDefinition): Promise<number> {
  const preset = lab.presets.find((p) => p.name === lab.benchPreset)!;
  const params = resolveParams(lab.params, {}, preset.params).params;
  const trials: number[] = [];
  for (let t = 0; t < 3; t++) {
    const run = await lab.createRun(params, nodeRunContext(num(params, 'seed')));
    run.step(20);
    await run.loss();
    const p0 = performance.now();
    run.step(4);
    await run.loss();
    const steps = Math.max(4, Math.min(2000, Math.round(1000 / ((performance.now() - p0) / 4))));
    const t0 = performance.now();
    run.step(steps);
    await run.loss();
    trials.push((performance.now() - t0) / steps);
    run.dispose();
  }
  return median(trials);
}

async function openLab(page: Page, lab: LabDefinition): Promise<number> {
  await page.goto(`http://127.0.0.1:${PORT}/?lab=${lab.id}&backend=wasm&preset=${lab.benchPreset}`);
  await page.waitForFunction(() => (window as Handle).geometryLab?.state().ready === true, undefined, { timeout: 120_000 });
  await page.waitForTimeout(1500);
  const probe = await page.evaluate(() => (window as Handle).geometryLab!.measureStep(8));
  return Math.max(4, Math.min(2000, Math.round(1000 / probe)));
}

async function chromiumMs(page: Page, steps: number): Promise<number> {
  const trials: number[] = [];
  for (let k = 0; k < 3; k++) trials.push(await page.evaluate((n) => (window as Handle).geometryLab!.measureStep(n), steps));
  return median(trials);
}

async function main(): Promise<void> {
  const python = findTorchPython();
  if (!python) throw new Error('no Python that imports torch ($PYTORCH_PYTHON, /usr/bin/python3, python3)');
  const ids = (process.env.LABS ?? LABS.map((l) => l.id).join(',')).split(',').filter(Boolean);
  await activateNodeBackend('wasm');
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    for (const id of ids) {
      const lab = LABS.find((l) => l.id === id);
      if (!lab) throw new Error(`LABS names no lab ${id}`);
      const steps = await openLab(page, lab);
      const rows: Array<{ node: number; chromium: number; torch: number }> = [];
      // Round 0 warms all three up (JIT, the page's worker after load) and is not reported.
      for (let round = 0; round <= ROUNDS; round++) {
        const node = await nodeMs(lab);
        const chromiumStep = await chromiumMs(page, steps);
        const reference = runTorchReference(python, [torchConfig(lab)], { threads: 1, trials: 3 });
        const torch = reference.labs[0]!.msPerStep ?? NaN;
        if (round === 0 && id === ids[0]) console.log(`PyTorch ${reference.torch}, BLAS: ${reference.blasLibrary ?? reference.blas}`);
        if (round > 0) rows.push({ node, chromium: chromiumStep, torch });
      }
      const ratios = (k: 'node' | 'chromium') => rows.map((r) => (r[k] / r.torch).toFixed(2)).join(' ');
      console.log(
        `${id} (${lab.benchPreset}) ms/step node ${rows.map((r) => r.node.toFixed(3)).join(' ')} | chromium ${rows
          .map((r) => r.chromium.toFixed(3))
          .join(
            ' ',
          )} | pytorch ${rows.map((r) => r.torch.toFixed(3)).join(' ')}\n  node ÷ pytorch ${ratios('node')}; chromium ÷ pytorch ${ratios('chromium')}`,
      );
    }
    await browser.close();
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
