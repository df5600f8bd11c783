import { expect, test } from '@playwright/test';
import { currentStep, openLab } from './helpers';

const num = async (page: import('@playwright/test').Page, id: string) => Number((await page.getByTestId(id).textContent()) ?? NaN);

test('relu-vs-isotropic: train, see both bar groups, the heatmap aligns, layers switch', async ({ page }, info) => {
  await openLab(page, '?lab=intertwiner&preset=relu-vs-isotropic');
  // The group table is computed in the page: ReLU passes positive-scaled permutations, not rotations.
  const relu = page.locator('[data-testid="group-row"][data-act="relu"]');
  await expect(relu.locator('[data-family="scaled-permutation"]')).toHaveAttribute('data-holds', 'true');
  await expect(relu.locator('[data-family="orthogonal"]')).toHaveAttribute('data-holds', 'false');
  await expect(page.locator('[data-testid="group-row"][data-act="iso-tanh"] [data-family="orthogonal"]')).toHaveAttribute(
    'data-holds',
    'true',
  );

  await page.getByTestId('play').click();
  await expect.poll(() => currentStep(page), { timeout: 40_000, intervals: [250] }).toBeGreaterThanOrEqual(150);
  await page.getByTestId('play').click();
  // Paused, the final snapshot's maps are fitted on its own weights (after any fit still in flight)...
  const fitted = (step: number | string) => new RegExp(`^Maps fitted at step ${step} in \\d+ ms\\.$`);
  await expect(page.getByTestId('play')).toHaveText(/Play/);
  await expect(page.getByTestId('fit-status')).toHaveText(fitted('\\d+'), { timeout: 20_000 });
  const paused = await currentStep(page);
  // ...and one step refits every map on the new weights.
  await page.getByTestId('step').click();
  const step = paused + 1;
  await expect.poll(() => currentStep(page), { timeout: 20_000 }).toBe(step);
  await expect(page.getByTestId('fit-status')).toHaveText(fitted(step), { timeout: 20_000 });

  for (const id of ['residual', 'stitched']) {
    const bars = page.getByTestId(`bar-${id}`);
    await expect(bars).toHaveCount(12);
    for (const act of ['relu', 'iso-tanh']) await expect(page.locator(`[data-testid="bar-${id}"][data-act="${act}"]`)).toHaveCount(6);
  }
  const value = async (id: string, act: string, map: string) =>
    Number(await page.locator(`[data-testid="bar-${id}"][data-act="${act}"][data-map="${map}"]`).getAttribute('data-value'));
  for (const act of ['relu', 'iso-tanh']) {
    expect(await value('residual', act, 'identity')).toBeGreaterThan(1);
    expect(await value('residual', act, 'orthogonal')).toBeLessThan(0.5);
    expect(await value('stitched', act, 'linear')).toBeGreaterThan(0.8);
  }

  // Heatmap: A's neurons against B's, unaligned then matched by munkres.
  // One image per matrix; the cell under the pointer is read out (top-left: A0 against B's matched neuron).
  const afterCells = (await page.getByTestId('heatmap-after').boundingBox())!;
  await page.mouse.move(afterCells.x + 1, afterCells.y + 1);
  await expect(page.getByTestId('heatmap-after-readout')).toHaveText(/^corr\(A0, B\d+\) = -?\d\.\d{3}$/);
  const before = await num(page, 'diag-before');
  const after = await num(page, 'diag-after');
  expect(Math.abs(before)).toBeLessThan(0.2);
  expect(after).toBeGreaterThan(before + 0.3);

  await page.getByTestId('layer-select').selectOption('2');
  await expect(page.getByTestId('view-residual')).toContainText('layer 2');
  expect(page.url()).toContain('view_layer=2');
  await page.screenshot({ path: 'e2e-artifacts/intertwiner-relu-vs-isotropic.png', fullPage: true });
  info.annotations.push({ type: 'diag', description: `before ${before}, after ${after}` });
});
