/**
 * `npm run bench`: per lab and backend, ms per training step (median of trials) and steps per
 * second in headless Chromium and in Node; the page's frame time while training; and the time
 * from page load to a converged pentagon. Prints JSON and writes bench-result.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';
import { LABS } from '../src/labs/registry';
import { nodeRunContext } from '../src/cli/node-context';
import { num } from '../src/engine/params';
import { resolveParams } from '../src/state/param-codec';
import { useNodeBackend } from '../src/cli/node-backend';

const PORT = 4174;
const BASE = `http://127.0.0.1:${PORT}`;
const TRIALS = 5;
const BROWSER_BACKENDS = ['wasm', 'webgl', 'webgpu', 'cpu'] as const;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const round = (x: number, d = 3) => +x.toFixed(d);

interface Row {
  lab: string;
  preset: string;
  backend: string;
  where: 'chromium' | 'node';
  msPerStep: number | null;
  stepsPerSecond: number | null;
  /** Page load until the worker is ready to train (includes data assets). */
  readySeconds?: number;
  error?: string;
}

async function waitReady(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const lab = (window as unknown as { geometryLab?: { state(): { ready: boolean } } }).geometryLab;
    return lab?.state().ready === true;
  }, undefined, { timeout: 120_000 });
  return page.evaluate(() => (window as unknown as { geometryLab: { state(): { backendInUse: string } } }).geometryLab.state().backendInUse);
}

async function browserRow(page: Page, lab: string, preset: string, backend: string): Promise<Row> {
  const row: Row = { lab, preset, backend, where: 'chromium', msPerStep: null, stepsPerSecond: null };
  try {
    const t0 = Date.now();
    await page.goto(`${BASE}/?lab=${lab}&preset=${preset}&backend=${backend}`);
    const used = await waitReady(page);
    row.readySeconds = round((Date.now() - t0) / 1000, 2);
    if (used !== backend) throw new Error(`page fell back to ${used}`);
    const measure = (n: number) =>
      page.evaluate((k) => (window as unknown as { geometryLab: { measureStep(n: number): Promise<number> } }).geometryLab.measureStep(k), n);
    // Size each trial to about a second of training, so slow backends still finish.
    const probe = await measure(2);
    const steps = Math.max(2, Math.min(400, Math.round(1000 / Math.max(probe, 0.01))));
    const trials: number[] = [];
    for (let t = 0; t < (probe > 50 ? 3 : TRIALS); t++) trials.push(await measure(steps));
    row.msPerStep = round(median(trials));
    row.stepsPerSecond = round(1000 / median(trials), 1);
  } catch (err) {
    row.error = err instanceof Error ? err.message.split('\n')[0] : String(err);
  }
  return row;
}

async function nodeRow(labId: string, backend: 'wasm' | 'cpu'): Promise<Row> {
  const lab = LABS.find((l) => l.id === labId)!;
  const preset = lab.presets.find((p) => p.name === lab.benchPreset)!;
  const params = resolveParams(lab.params, {}, preset.params).params;
  await useNodeBackend(backend);
  const trials: number[] = [];
  let steps = 0;
  for (let t = 0; t < TRIALS; t++) {
    const run = await lab.createRun(params, nodeRunContext(num(params, 'seed')));
    run.step(2);
    await run.loss();
    if (!steps) {
      const p0 = performance.now();
      run.step(2);
      await run.loss();
      steps = Math.max(2, Math.min(400, Math.round(1000 / Math.max((performance.now() - p0) / 2, 0.01))));
    }
    const t0 = performance.now();
    run.step(steps);
    await run.loss();
    trials.push((performance.now() - t0) / steps);
    run.dispose();
  }
  return { lab: labId, preset: preset.name, backend, where: 'node', msPerStep: round(median(trials)), stepsPerSecond: round(1000 / median(trials), 1) };
}

async function frameTimes(page: Page): Promise<{ p50: number; p95: number; frames: number }> {
  await page.goto(`${BASE}/?lab=superposition&preset=decay&backend=wasm`);
  await waitReady(page);
  await page.getByTestId('play').click();
  await page.waitForTimeout(500);
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const deltas = (await page.evaluate(`new Promise((resolve) => {
    const out = [];
    let last = performance.now();
    const end = last + 3000;
    const tick = (now) => {
      out.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(tick); else resolve(out);
    };
    requestAnimationFrame(tick);
  })`)) as number[];
  await page.getByTestId('play').click();
  return { p50: round(quantile(deltas, 0.5), 2), p95: round(quantile(deltas, 0.95), 2), frames: deltas.length };
}

async function loadToPentagon(page: Page): Promise<number> {
  const t0 = Date.now();
  await page.goto(`${BASE}/?lab=superposition&preset=pentagon&autoplay=1`);
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('[data-testid="d-value"]')].map((e) => Number(e.textContent));
    return cells.length === 5 && cells.every((d) => Math.abs(d - 0.4) < 0.05);
  }, undefined, { timeout: 60_000, polling: 50 });
  return (Date.now() - t0) / 1000;
}

async function main(): Promise<void> {
  if (!existsSync('dist/index.html')) spawnSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  try {
    for (let i = 0; i < 100; i++) {
      try {
        if ((await fetch(BASE)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    const rows: Row[] = [];
    for (const lab of LABS) {
      for (const backend of BROWSER_BACKENDS) {
        const row = await browserRow(page, lab.id, lab.benchPreset, backend);
        rows.push(row);
        process.stderr.write(`${lab.id} ${backend} chromium: ${row.msPerStep ?? row.error} ms/step\n`);
      }
    }
    const frame = await frameTimes(page);
    const pentagonSeconds = await loadToPentagon(page);
    await browser.close();
    for (const lab of LABS) {
      for (const backend of ['wasm', 'cpu'] as const) {
        const row = await nodeRow(lab.id, backend);
        rows.push(row);
        process.stderr.write(`${lab.id} ${backend} node: ${row.msPerStep} ms/step\n`);
      }
    }
    const result = { date: new Date().toISOString(), machine: `${process.platform} ${process.arch}, node ${process.version}`, rows, frameTimeWhileTrainingMs: frame, loadToConvergedPentagonSeconds: round(pentagonSeconds, 2) };
    const json = JSON.stringify(result, null, 2);
    writeFileSync('bench-result.json', json);
    process.stdout.write(`${json}\n`);
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
