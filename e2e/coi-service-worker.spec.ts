import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

/** A static host that sends no COOP/COEP (nor CSP) headers, like GitHub Pages: the service worker must isolate the page. */
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.bin': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};
let server: Server;
let origin = '';

test.beforeAll(async () => {
  const root = join(process.cwd(), process.env.E2E_DIST ?? 'dist');
  server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    readFile(file)
      .then((body) => {
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(404);
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('on a host without COOP/COEP headers the service worker isolates the page after one reload, and training works', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/?lab=superposition&backend=wasm`);
  // The page reloads itself once the worker is active; evaluating across that reload may throw.
  await expect.poll(() => page.evaluate(() => crossOriginIsolated).catch(() => false), { timeout: 30_000 }).toBe(true);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '')).toMatch(/coi-sw\.js$/);
  await expect(page.getByTestId('threads')).toHaveText(/^\d+ threads?$/, { timeout: 60_000 });
  await page.getByTestId('play').click();
  await expect
    .poll(async () => Number(((await page.getByTestId('step-count').textContent()) ?? '').replace(/[^0-9]/g, '')), { timeout: 30_000 })
    .toBeGreaterThan(100);
  expect(errors).toEqual([]);
});
