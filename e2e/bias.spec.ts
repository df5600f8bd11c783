import { expect, test, type Page } from '@playwright/test';
import { currentStep, openLab } from './helpers';

const value = async (page: Page, id: string) => Number((await page.getByTestId(id).textContent()) ?? 'NaN');

test('easy-vs-hard: both accuracies reach the top while the variance lines separate', async ({ page }, info) => {
  await openLab(page, '?lab=bias&preset=easy-vs-hard');
  await page.getByTestId('play').click();
  await expect
    .poll(
      async () => {
        const [accL = NaN, accP = NaN, veL = NaN, veP = NaN] = await Promise.all(
          ['acc-linear', 'acc-parity', 've-linear', 've-parity'].map((id) => value(page, id)),
        );
        return (await currentStep(page)) >= 1500 && accL >= 0.95 && accP >= 0.95 && veL >= 2 * veP;
      },
      { timeout: 50_000, intervals: [500] },
    )
    .toBe(true);
  await page.getByTestId('play').click();
  // Both accuracy lines and both variance lines are drawn; the bars agree with the table.
  for (const id of ['acc-line-linear', 'acc-line-parity', 've-line-linear', 've-line-parity']) {
    await expect(page.getByTestId(id)).toHaveAttribute('d', /^M.+L/);
  }
  const barL = Number(await page.getByTestId('bar-h3-linear').getAttribute('data-value'));
  const barP = Number(await page.getByTestId('bar-h3-parity').getAttribute('data-value'));
  expect(barL).toBeGreaterThan(2 * barP);
  // PCA of the layer: 300 probe points, recoloured by the chosen feature (view state in the URL).
  await expect(page.getByTestId('pca-point')).toHaveCount(300);
  await page.getByTestId('pca-color-parity').click();
  await expect(page).toHaveURL(/view_color=parity/);
  await page.getByTestId('pca-layer').selectOption('h1');
  await expect(page).toHaveURL(/view_layer=h1/);
  await expect(page.getByTestId('curves-layer')).toHaveValue('h1');
  await page.screenshot({ path: 'e2e-artifacts/bias-easy-vs-hard.png', fullPage: true });
  info.annotations.push({ type: 'bias-ratio', description: `${barL / barP}` });
});

test('a setting that names a missing feature is explained, not fatal', async ({ page }) => {
  await openLab(page, '?lab=bias&preset=easy-vs-hard&first=mod&width=16&rep=8');
  await expect(page.getByTestId('bias-notes')).toContainText('first=mod ignored');
  await page.getByTestId('play').click();
  await expect.poll(() => currentStep(page)).toBeGreaterThan(50);
  await page.getByTestId('play').click();
});
