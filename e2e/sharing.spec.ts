import { expect, test } from '@playwright/test';
import { currentStep, openLab, pauseAndSettle } from './helpers';
import { encodeSnapshotHash } from '../src/state/hash-snapshot';

const weightsOf = (page: import('@playwright/test').Page) =>
  page.evaluate(() => {
    const s = (
      window as unknown as { geometryLab: { state(): { snapshot: { weights: Record<string, { data: Float32Array }> } | null } } }
    ).geometryLab.state().snapshot;
    return Array.from(s?.weights.W?.data ?? []);
  });

test('a #w= link keeps its hash until the user changes something, so a reload reopens the trained model', async ({ page }) => {
  const W = Float32Array.from([0.9, 0.1, -0.3, 0.8, -0.7, -0.6, 0.2, -0.9, 0.5, 0.4]);
  const hash = encodeSnapshotHash({
    step: 1234,
    loss: 0.05,
    weights: { W: { shape: [1, 2, 5], data: W }, b: { shape: [1, 1, 5], data: new Float32Array(5) } },
  })!;
  await openLab(page, `?lab=superposition&n=5&m=2#${hash}`);
  await expect.poll(() => currentStep(page)).toBe(1234);
  expect(new URL(page.url()).hash).toBe(`#${hash}`);
  await page.reload();
  await expect(page.getByTestId('play')).toBeEnabled({ timeout: 60_000 });
  await expect.poll(() => currentStep(page)).toBe(1234);
  expect((await weightsOf(page)).map((v) => +v.toFixed(5))).toEqual(Array.from(W, (v) => +v.toFixed(5)));
  // Any change of the experiment drops it: the link no longer describes these weights.
  await page.getByTestId('param-seed').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => new URL(page.url()).hash).toBe('');
  await expect.poll(() => currentStep(page)).toBe(0);
});

test('changing the backend continues from the last snapshot and says so', async ({ page }) => {
  await openLab(page, '?lab=superposition&preset=pentagon&backend=wasm');
  await page.getByTestId('play').click();
  await expect.poll(() => currentStep(page)).toBeGreaterThan(300);
  const step = await pauseAndSettle(page);
  const before = await weightsOf(page);
  await page.getByTestId('backend-select').selectOption('cpu');
  await expect(page.getByTestId('backend')).toContainText('cpu', { timeout: 60_000 });
  await expect(page.getByTestId('notice-info').filter({ hasText: `the weights trained so far (step ${step})` })).toBeVisible();
  await expect.poll(() => currentStep(page)).toBe(step);
  expect((await weightsOf(page)).map((v) => +v.toFixed(4))).toEqual(before.map((v) => +v.toFixed(4)));
});
