import { expect, test } from '@playwright/test';
import { currentStep, dValues, openLab, pauseAndSettle, settle, waitForPentagon } from './helpers';

test('pentagon: five arrows and D near 2/5 after training', async ({ page }, info) => {
  const started = Date.now();
  await openLab(page, '?lab=superposition&preset=pentagon');
  await expect(page.getByTestId('backend')).toHaveText(/wasm|webgl|cpu|webgpu/);
  await page.getByTestId('play').click();
  await waitForPentagon(page);
  const convergedMs = Date.now() - started;
  await page.getByTestId('play').click();
  await expect(page.getByTestId('feature-arrow')).toHaveCount(5);
  info.annotations.push({ type: 'load-to-pentagon-ms', description: String(convergedMs) });
  const shot = await page.screenshot({ fullPage: true });
  await info.attach('superposition-pentagon', { body: shot, contentType: 'image/png' });
  await page.screenshot({ path: 'e2e-artifacts/superposition-pentagon.png', fullPage: true });
});

test('webgpu backend (SwiftShader): a short run whose loss falls', async ({ page }) => {
  await openLab(page, '?lab=superposition&preset=pentagon&backend=webgpu&batch=256');
  await expect(page.getByTestId('backend')).toHaveText('webgpu');
  await page.getByTestId('step').click();
  await expect.poll(() => currentStep(page)).toBeGreaterThanOrEqual(1);
  const first = await page.evaluate(
    () =>
      (window as unknown as { geometryLab: { state(): { lossHistory: Array<[number, number]> } } }).geometryLab.state()
        .lossHistory[0]?.[1] ?? NaN,
  );
  await page.getByTestId('play').click();
  await expect.poll(() => currentStep(page), { timeout: 90_000 }).toBeGreaterThanOrEqual(150);
  await page.getByTestId('play').click();
  const last = await page.evaluate(
    () =>
      (window as unknown as { geometryLab: { state(): { lossHistory: Array<[number, number]> } } }).geometryLab
        .state()
        .lossHistory.at(-1)?.[1] ?? NaN,
  );
  expect(Number.isFinite(first)).toBe(true);
  expect(last).toBeLessThan(first * 0.8);
});

test('a malformed URL shows a warning, not a blank page', async ({ page }) => {
  await openLab(page, '?lab=superposition&n=banana&m=999&backend=%3Cscript%3E&<img src=x onerror=alert(1)>=1');
  const warnings = page.getByTestId('url-warning');
  await expect(warnings.first()).toBeVisible();
  const text = (await warnings.allTextContents()).join('\n');
  expect(text).toMatch(/n="banana" is not a finite decimal number/);
  expect(text).toMatch(/m="999" is outside/);
  expect(await page.locator('img').count()).toBe(0);
  await expect(page.getByTestId('param-n-value')).toHaveText('5');
  await expect(page.getByTestId('param-m-value')).toHaveText('16');
  await page.getByTestId('play').click();
  await expect.poll(() => currentStep(page)).toBeGreaterThan(10);
});

test('a copied link reopens with the same parameters', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openLab(page, '?lab=superposition&preset=digons&seed=17');
  await page.getByTestId('param-sparsity').fill('0.75');
  await page.getByTestId('param-sparsity').dispatchEvent('pointerup');
  await expect(page.getByTestId('param-sparsity-value')).toHaveText('0.75');
  await page.getByTestId('copy-link').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain('sparsity=0.75');
  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(fresh.getByTestId('play')).toBeEnabled({ timeout: 60_000 });
  for (const [key, value] of [
    ['n', '6'],
    ['m', '2'],
    ['sparsity', '0.75'],
    ['importance', '0.8'],
    ['seed', '17'],
  ]) {
    await expect(fresh.getByTestId(`param-${key}-value`)).toHaveText(value!);
  }
  await expect(fresh.getByTestId('url-warning')).toHaveCount(0);
});

test('keyboard: space plays, l toggles lecture mode, ? opens help', async ({ page }) => {
  await openLab(page, '?lab=superposition&preset=decay');
  await page.locator('body').press(' ');
  await expect.poll(() => currentStep(page)).toBeGreaterThan(50);
  await page.locator('body').press(' ');
  const paused = await settle(page);
  await page.waitForTimeout(500);
  expect(await currentStep(page)).toBe(paused);
  await page.locator('body').press('ArrowRight');
  await expect.poll(() => currentStep(page)).toBe(paused + 1);
  await page.locator('body').press('l');
  await expect(page.getByTestId('app')).toHaveClass(/lecture/);
  await page.locator('body').press('?');
  await expect(page.getByTestId('help')).toBeVisible();
  await page.locator('body').press('Escape');
  await expect(page.getByTestId('help')).toHaveCount(0);
  await expect(page).toHaveURL(/lecture=1/);
});

test('exports: PNG and SVG of a view, loss CSV, snapshot JSON', async ({ page }) => {
  await openLab(page, '?lab=superposition&preset=pentagon');
  await page.getByTestId('step').click();
  await expect.poll(() => currentStep(page)).toBeGreaterThanOrEqual(1);
  const grab = async (click: () => Promise<void>) => {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    const path = await download.path();
    const fs = await import('node:fs');
    return { name: download.suggestedFilename(), body: fs.readFileSync(path) };
  };
  const svg = await grab(() => page.getByTestId('view-arrows').getByRole('button', { name: 'SVG' }).click());
  expect(svg.name).toBe('arrows.svg');
  expect(svg.body.toString()).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const png = await grab(() => page.getByTestId('view-gram').getByRole('button', { name: 'PNG' }).click());
  expect(png.body.subarray(1, 4).toString()).toBe('PNG');
  // The Gram matrix is one image, not a rect per cell: it travels inside the SVG, and the pointer reads a cell out.
  const gramSvg = await grab(() => page.getByTestId('view-gram').getByRole('button', { name: 'SVG' }).click());
  expect(gramSvg.body.toString()).toMatch(/<image [^>]*href="data:image\/png;base64,/);
  const cells = (await page.getByTestId('gram-cells').boundingBox())!;
  await page.mouse.move(cells.x + cells.width * 0.3, cells.y + cells.height * 0.1); // row 0, column 1 of 5
  await expect(page.getByTestId('gram-cells-readout')).toHaveText(/^W_0·W_1 = -?\d\.\d{4}$/);
  const csv = await grab(() => page.getByTestId('export-loss').click());
  expect(csv.body.toString().split('\n')[0]).toBe('"step","loss"');
  const json = await grab(() => page.getByTestId('export-snapshot').click());
  const parsed = JSON.parse(json.body.toString());
  expect(parsed.params.n).toBe(5);
  expect(parsed.tensors.W.shape).toEqual([1, 2, 5]);
});

test('phase diagram sweep runs with progress and draws a grid', async ({ page }) => {
  await openLab(page, '?lab=superposition&preset=pentagon');
  await page.getByTestId('run-sweep').click();
  await expect(page.getByTestId('run-sweep')).toBeEnabled({ timeout: 90_000 });
  const cells = page.getByTestId('view-phase').locator('rect[data-class]');
  await expect(cells).toHaveCount(144);
  const classes = new Set(await cells.evaluateAll((els) => els.map((e) => e.getAttribute('data-class'))));
  expect(classes.size).toBeGreaterThanOrEqual(2);
});

test('a link with weights reopens the trained pentagon without training', async ({ page, context }) => {
  await openLab(page, '?lab=superposition&preset=pentagon');
  await page.getByTestId('play').click();
  await waitForPentagon(page);
  const step = await pauseAndSettle(page);
  const trained = await page.evaluate(() =>
    (window as unknown as { geometryLab: { state(): { metrics: { dimensionality: number[] } } } }).geometryLab
      .state()
      .metrics.dimensionality.map((d) => Number(d.toFixed(3))),
  );
  await page.getByTestId('copy-link-weights').click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toMatch(/#w=/);
  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(fresh.getByTestId('play')).toBeEnabled({ timeout: 60_000 });
  await expect(fresh.locator('.notice').filter({ hasText: 'trained weights' })).toBeVisible();
  await expect.poll(() => currentStep(fresh)).toBe(step);
  await expect.poll(() => dValues(fresh)).toEqual(trained);
  // A damaged hash is explained and the run starts fresh.
  const broken = await context.newPage();
  await broken.goto(link.replace(/#w=.*/, '#w=AAAA'));
  await expect(broken.getByTestId('url-warning')).toContainText(/weights/);
  await expect(broken.getByTestId('step-count')).toHaveText('step 0');
});

test('an exported snapshot JSON reopens the trained model; a broken file changes nothing', async ({ page, context }) => {
  await openLab(page, '?lab=superposition&preset=digons&seed=3');
  await page.getByTestId('play').click();
  await expect.poll(() => currentStep(page)).toBeGreaterThan(500);
  await pauseAndSettle(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-snapshot').click()]);
  const path = await download.path();
  const exported = JSON.parse((await import('node:fs')).readFileSync(path, 'utf8'));
  const fresh = await context.newPage();
  await openLab(fresh, '?lab=superposition&preset=pentagon');
  await fresh.getByTestId('import-snapshot').setInputFiles(path);
  await expect.poll(() => currentStep(fresh)).toBe(exported.step);
  await expect(fresh.getByTestId('param-n-value')).toHaveText('6');
  await expect(fresh.getByTestId('param-seed-value')).toHaveText('3');
  const expected = exported.metrics.dimensionality.map((d: number) => Number(d.toFixed(3)));
  await expect.poll(() => dValues(fresh)).toEqual(expected);
  await fresh
    .getByTestId('import-snapshot')
    .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"lab": "superposition"') });
  await expect(fresh.getByTestId('notice-error')).toContainText(/"broken\.json" is not JSON/);
  await expect.poll(() => currentStep(fresh)).toBe(exported.step);
});
