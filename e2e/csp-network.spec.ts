import { expect, test } from '@playwright/test';
import { LABS } from '../src/labs/registry';
import { openLab } from './helpers';

test('the production page is served with a Content-Security-Policy that allows embedding', async ({ request }) => {
  const res = await request.get('/');
  const policy = res.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' blob:");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(policy).toContain("connect-src 'self'");
  expect(policy).toContain('frame-ancestors *');
  // The same policy rides in the built page for static hosts (without frame-ancestors, which a meta may not set).
  expect(await res.text()).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'[^"]*"/);
});

test('30 s on each lab under the policy: no violation, no request outside the page origin', async ({ page, baseURL }) => {
  test.setTimeout(6 * 60_000);
  const origin = new URL(baseURL!).origin;
  const outside: string[] = [];
  const violations: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url)) outside.push(url);
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    addEventListener('securitypolicyviolation', (e: SecurityPolicyViolationEvent) => {
      const w = window as unknown as { __violations?: string[] };
      (w.__violations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  for (const lab of LABS) {
    await openLab(page, `?lab=${lab.id}`);
    await page.getByTestId('play').click();
    await page.waitForTimeout(30_000);
    await page.getByTestId('play').click();
    violations.push(...(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])));
  }
  expect(outside).toEqual([]);
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});

test('the page is cross-origin isolated, so tfjs-wasm loads its threaded build without a worker error', async ({ page, request }) => {
  const res = await request.get('/');
  expect(res.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(res.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() !== 'log' && /worker sent an error|is not defined|importScripts/.test(m.text())) errors.push(m.text());
  });
  await openLab(page, '?lab=superposition&backend=wasm');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await expect(page.getByTestId('threads')).toHaveText(/^\d+ threads?$/);
  // Adam's SIMD module (nn/simd-moments.ts) compiles under this CSP and imports the threaded build's shared memory.
  await expect(page.getByTestId('threads')).toHaveAttribute('title', /Adam's update in WebAssembly SIMD/);
  expect(
    await page.evaluate(
      () => (window as unknown as { geometryLab: { state(): { adamSimd: boolean | null } } }).geometryLab.state().adamSimd,
    ),
  ).toBe(true);
  // The threaded build spawns its pthread pool as blob: workers next to the trainer worker.
  expect(page.workers().filter((w) => w.url().startsWith('blob:')).length).toBeGreaterThan(0);
  await page.getByTestId('play').click();
  await expect
    .poll(async () => Number(((await page.getByTestId('step-count').textContent()) ?? '').replace(/[^0-9]/g, '')), { timeout: 30_000 })
    .toBeGreaterThan(100);
  expect(errors).toEqual([]);
});

test('the static assets in public/ are served: favicon and web manifest', async ({ request }) => {
  const icon = await request.get('/favicon.svg');
  expect(icon.status()).toBe(200);
  expect(await icon.text()).toContain('<svg');
  const manifest = await request.get('/manifest.webmanifest');
  expect(manifest.status()).toBe(200);
  expect(JSON.parse(await manifest.text())).toMatchObject({ name: 'Geometry Lab', icons: [{ src: 'favicon.svg' }] });
});
