import { expect, test, type Page } from '@playwright/test';
import { currentStep, openLab } from './helpers';

async function capacities(page: Page): Promise<number[]> {
  const points = page.getByTestId('view-capacity').getByTestId('capacity-point');
  return await points.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-c'))));
}
const poly = (c: number[]) => c.filter((v) => v > 0.1 && v <= 0.9).length;
const mono = (c: number[]) => c.filter((v) => v > 0.9).length;

test('capacity: train, drag the kurtosis slider, the capacity plot moves; the sweep draws', async ({ page }, info) => {
  await openLab(page, '?lab=capacity&preset=kurtosis-sweep');
  await expect(page.getByTestId('param-kurtosis-value')).toHaveText('5');
  await expect(page.getByTestId('kurtosis-readout')).toContainText('kurtosis 5.00');
  await page.getByTestId('play').click();
  // Kurtosis 5 > 3: capacity is shared, several features polysemantic.
  await expect.poll(async () => poly(await capacities(page)), { timeout: 30_000, intervals: [250] }).toBeGreaterThanOrEqual(4);
  await expect.poll(() => currentStep(page)).toBeGreaterThan(1500);
  await page.getByTestId('play').click();
  const before = await capacities(page);
  expect(before).toHaveLength(10);

  // Drag the (log) kurtosis slider near its left end: light tails, K ≈ 1.4.
  const slider = page.getByTestId('param-kurtosis');
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.5, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.2, y, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.075, y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => Number(await page.getByTestId('param-kurtosis-value').textContent())).toBeLessThan(1.8);
  await expect(page).toHaveURL(/kurtosis=1\.[2-7]/);
  await page.getByTestId('play').click();
  // Below K = 3 capacity is all-or-nothing: m = 3 monosemantic features, none shared.
  await expect
    .poll(
      async () => {
        const c = await capacities(page);
        return c.length === 10 && poly(c) === 0 && mono(c) === 3;
      },
      { timeout: 30_000, intervals: [250] },
    )
    .toBe(true);
  await page.getByTestId('play').click();
  const after = await capacities(page);
  expect(after.join(',')).not.toBe(before.join(','));
  await expect(page.getByTestId('view-blocks').getByTestId('block-outline')).toHaveCount(3);
  const cells = (await page.getByTestId('block-cells').boundingBox())!;
  await page.mouse.move(cells.x + cells.width / 20, cells.y + cells.width / 20); // the centre of cell (0, 0) of 10
  await expect(page.getByTestId('block-cells-readout')).toHaveText(/^W_\d+·W_\d+ = -?\d\.\d{4}$/);

  // The kurtosis sweep: polysemantic fraction rises from the low end to the high end.
  await page.getByTestId('run-sweep').click();
  await expect(page.getByTestId('run-sweep')).toBeEnabled({ timeout: 45_000 });
  const fractions = await page
    .getByTestId('sweep-point-polysemantic')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-y'))));
  expect(fractions).toHaveLength(8);
  expect(fractions.at(-1)!).toBeGreaterThan(fractions[0]! + 0.5);
  await page.screenshot({ path: 'e2e-artifacts/capacity-sweep.png', fullPage: true });
  info.annotations.push({ type: 'sweep-fractions', description: fractions.join(',') });
});

test('capacity: bad URL values are clamped with a warning; the relu model trains too', async ({ page }) => {
  await openLab(page, '?lab=capacity&preset=regimes&kurtosis=999&view_eps=banana');
  await expect(page.getByTestId('url-warning').first()).toContainText('kurtosis');
  await expect(page.getByTestId('param-kurtosis-value')).toHaveText('50');
  await page.getByTestId('play').click();
  await expect.poll(async () => (await capacities(page)).length).toBe(20);
  await expect(page.getByTestId('block-eps-value')).toHaveText('0.30');
  await page.getByTestId('play').click();
  await page.getByTestId('param-model').selectOption('relu');
  await expect(page.getByTestId('kurtosis-readout')).toContainText('ReLU model inputs');
  await page.getByTestId('play').click();
  await expect.poll(() => currentStep(page)).toBeGreaterThan(200);
  await page.getByTestId('play').click();
  expect(await capacities(page)).toHaveLength(20);
  await expect(page.getByTestId('view-marginal')).toContainText('quadratic model only');
});

test('capacity: the regimes preset after training (screenshot)', async ({ page }) => {
  await openLab(page, '?lab=capacity&preset=regimes');
  await page.getByTestId('play').click();
  await expect.poll(() => currentStep(page), { timeout: 30_000 }).toBeGreaterThan(3000);
  await page.getByTestId('play').click();
  const c = await capacities(page);
  expect(mono(c)).toBeGreaterThanOrEqual(2);
  expect(poly(c)).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: 'e2e-artifacts/capacity-regimes.png', fullPage: true });
});
