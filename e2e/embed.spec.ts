import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { currentStep } from './helpers';
import { keepScreenshot } from './layout-helpers';

/**
 * A slide deck on a second origin: its own HTTP server on another port (scheme, host and port make
 * an origin). A real server rather than a routed made-up host: Chromium's Local Network Access
 * checks refuse a frame on a loopback address inside a page that has no address (a routed one), which
 * says nothing about the lab.
 */
let deck: Server;
let deckOrigin = '';
let labSrc = '';
test.beforeAll(async () => {
  deck = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><html lang="en"><head><title>Slides</title></head><body style="margin:0;background:#222">
      <h1 style="color:#fff">Slide 3</h1>
      <iframe id="lab" title="Superposition lab" src="${labSrc}" style="width:800px;height:520px;border:0"></iframe>
    </body></html>`);
  });
  await new Promise<void>((resolve) => deck.listen(0, '127.0.0.1', resolve));
  deckOrigin = `http://127.0.0.1:${(deck.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => deck.close(() => resolve())));

test('embed=1&view=: one view with play/step/reset, filling an iframe on a page from another origin', async ({
  page,
  baseURL,
}, testInfo) => {
  const src = `${baseURL}/?lab=superposition&preset=pentagon&embed=1&view=arrows`;
  labSrc = src;
  // The lab's own server allows framing from anywhere (a header; a <meta> cannot say it).
  const response = await page.request.get(src);
  expect(response.headers()['content-security-policy']).toContain('frame-ancestors *');

  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${deckOrigin}/slides.html`);
  expect(new URL(page.url()).origin).not.toBe(new URL(baseURL!).origin);
  const frame = page.frameLocator('#lab');
  await expect(frame.getByTestId('app')).toHaveClass(/embed/);
  await expect(frame.getByTestId('play')).toBeEnabled({ timeout: 60_000 });

  // One view; only play, step and reset; no header, sidebar or exports.
  await expect(frame.locator('.view-panel:visible')).toHaveCount(1);
  await expect(frame.getByTestId('view-arrows')).toBeVisible();
  for (const id of ['play', 'step', 'reset']) await expect(frame.getByTestId(id)).toBeVisible();
  for (const id of ['copy-link', 'speed', 'preset', 'backend', 'focus-arrows', 'drawer-toggle'])
    await expect(frame.getByTestId(id)).toBeHidden();
  await expect(frame.locator('.app-header')).toBeHidden();
  await expect(frame.getByRole('button', { name: 'PNG' })).toBeHidden();

  // The view fills its frame: most of its area, and the frame's document does not scroll.
  const inner = page.frames().find((f) => f.url().startsWith(baseURL!))!;
  const fit = await inner.evaluate(() => {
    const panel = document.querySelector('.view-focused')!.getBoundingClientRect();
    return {
      w: panel.width,
      h: panel.height,
      sw: document.documentElement.scrollWidth,
      sh: document.documentElement.scrollHeight,
      iw: innerWidth,
      ih: innerHeight,
    };
  });
  expect(fit.iw).toBe(800);
  expect(fit.sw).toBeLessThanOrEqual(fit.iw);
  expect(fit.sh).toBeLessThanOrEqual(fit.ih);
  expect(fit.w).toBeGreaterThan(0.9 * fit.iw);
  expect(fit.h).toBeGreaterThan(0.7 * fit.ih);

  // Step, play and reset work inside the frame.
  await frame.getByTestId('step').click();
  await expect(frame.getByTestId('step-count')).toHaveText('step 1');
  await frame.getByTestId('play').click();
  await expect(frame.getByTestId('play')).toHaveText(/Pause/);
  const stepText = frame.getByTestId('step-count');
  await expect
    .poll(async () => Number(((await stepText.textContent()) ?? '').replace(/[^0-9]/g, '')), { timeout: 30_000 })
    .toBeGreaterThan(100);
  await expect(frame.getByTestId('view-arrows').locator('svg').first()).toBeVisible();
  expect(
    await frame
      .getByTestId('view-arrows')
      .locator('svg')
      .first()
      .evaluate((svg) => svg.getBoundingClientRect().height),
  ).toBeGreaterThan(300);
  await keepScreenshot(page, testInfo, 'embed-in-slide');
  await frame.getByTestId('play').click();
  await expect(frame.getByTestId('play')).toHaveText(/Play/);
  await frame.getByTestId('reset').click();
  await expect(frame.getByTestId('step-count')).toHaveText('step 0');
  expect(errors).toEqual([]);
});

test('embed keeps its view through the link it writes back, and a view of another lab is refused', async ({ page }) => {
  await page.goto('/?lab=bias&preset=easy-vs-hard&embed=1&view=bars');
  await expect(page.getByTestId('play')).toBeEnabled({ timeout: 60_000 });
  await expect(page).toHaveURL(/embed=1&view=bars/);
  await expect(page.locator('.view-panel:visible')).toHaveCount(1);
  await expect(page.getByTestId('view-bars')).toBeVisible();
  expect(await currentStep(page)).toBe(0);

  await page.goto('/?lab=bias&embed=1&view=arrows');
  await expect(page.getByTestId('url-warning').first()).toContainText('view="arrows" is not a view of bias');
  // It falls back to the lab's first view rather than a blank frame.
  await expect(page.getByTestId('view-curves')).toBeVisible();
});
