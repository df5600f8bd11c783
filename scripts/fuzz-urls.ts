/**
 * `npm run fuzz -- [--count 1000] [--seed 7] [--load-every 20]`: opens that many generated hostile
 * links (e2e/fuzz/url-cases.ts) in the built page under Chromium and prints what happened —
 * links tried, blank pages, page errors, executed payloads, prototype changes, unnamed bad values.
 * Exit code 1 if any link failed.
 */
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { CHROMIUM_ARGS } from '../playwright.config';
import { LABS } from '../src/labs/registry';
import { generateUrlCases } from '../e2e/fuzz/url-cases';
import { checkUrl, collectPageErrors, prototypeBaseline, type UrlVerdict } from '../e2e/fuzz/check-url';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const text = process.argv[i + 1] ?? '';
  if (!/^\d{1,7}$/.test(text)) {
    process.stderr.write(
      `error: --${name} needs a whole number, got ${JSON.stringify(text)}\nusage: npm run fuzz -- [--count N] [--seed S] [--load-every K]\n`,
    );
    process.exit(2);
  }
  return Number(text);
}

const count = option('count', 1000);
const seed = option('seed', 7);
const loadEvery = Math.max(1, option('load-every', 20));

const server = await preview({ preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'warn' });
const base = server.resolvedUrls?.local[0];
if (!base) throw new Error('vite preview did not report its address (run `npm run build` first)');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const started = Date.now();
const failed: UrlVerdict[] = [];
let blank = 0;
let pageErrors = 0;
try {
  const page = await browser.newPage({ baseURL: base });
  const errors = collectPageErrors(page);
  await page.goto('/?lab=superposition');
  await page.waitForSelector('[data-testid="app"][data-lab]');
  const baseline = await prototypeBaseline(page);
  const cases = generateUrlCases(count, seed);
  const labIds = LABS.map((l) => l.id);
  for (const c of cases) {
    const v = await checkUrl(page, c, labIds, baseline, errors, c.id % loadEvery === 0 ? 'load' : 'navigate');
    if (v.blank) blank++;
    pageErrors += v.problems.filter((p) => p.startsWith('page error')).length;
    if (v.problems.length) failed.push(v);
    if ((c.id + 1) % 100 === 0) process.stderr.write(`${c.id + 1}/${count} links, ${failed.length} failed\n`);
  }
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
}
for (const v of failed.slice(0, 30)) process.stdout.write(`#${v.id} ${v.url}\n  ${v.problems.join('\n  ')}\n`);
process.stdout.write(
  `${JSON.stringify({ seed, links: count, failed: failed.length, blankPages: blank, pageErrors, seconds: Math.round((Date.now() - started) / 1000) })}\n`,
);
process.exit(failed.length ? 1 : 0);
