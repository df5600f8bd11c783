import { expect, test } from '@playwright/test';
import { join } from 'node:path';
import { currentStep, openLab } from './helpers';

const FIXTURES = join(process.cwd(), 'e2e/fixtures');

test('spotlight: play moves the polar SRM, the plane picker switches PPPM, an .npy imports and a corrupt one is refused', async ({
  page,
}, info) => {
  await openLab(page, '?lab=spotlight&preset=tanh-vs-isotropic');
  const curve = page.getByTestId('srm-polar').locator('[data-testid="srm-curve"]').first();
  await expect(curve).toHaveCount(1);
  const before = await curve.getAttribute('d');
  await page.getByTestId('play').click();
  await expect.poll(() => currentStep(page), { timeout: 40_000 }).toBeGreaterThan(60);
  await expect.poll(async () => (await curve.getAttribute('d')) !== before, { timeout: 20_000 }).toBe(true);
  const cone = await page.getByTestId('spotlight-cone').getAttribute('d');
  await expect.poll(async () => (await page.getByTestId('spotlight-cone').getAttribute('d')) !== cone).toBe(true);
  await page.getByTestId('play').click();

  // Plane picker: PPPM and URL follow.
  await page.getByTestId('spotlight-plane').selectOption('1-3');
  await expect(page.getByTestId('pppm').getByText('tanh · plane 1-3', { exact: true })).toHaveCount(1);
  await expect(page.getByTestId('pppm').getByText('iso-tanh · plane 1-3', { exact: true })).toHaveCount(1);
  await expect(page).toHaveURL(/view_plane=1-3/);

  // Import the fixture: SRM of the file appears, with the axis peaks (index shown).
  await page.getByTestId('import-activations').setInputFiles(join(FIXTURES, 'spotlight-activations.npy'));
  await expect(page.getByTestId('import-summary')).toContainText('spotlight-activations.npy: 400 × 4, standard basis');
  await expect(page.getByTestId('import-srm').locator('[data-testid="srm-curve"]')).toHaveCount(1);
  await page.getByTestId('import-basis').setInputFiles(join(FIXTURES, 'spotlight-basis.npy'));
  await expect(page.getByTestId('import-summary')).toContainText('basis spotlight-basis.npy (4 directions)');

  // A corrupted file: a precise message, and the previous import stays.
  await page.getByTestId('import-activations').setInputFiles(join(FIXTURES, 'spotlight-corrupt.npy'));
  await expect(page.getByTestId('import-error')).toContainText('spotlight-corrupt.npy: .npy file is truncated');
  await expect(page.getByTestId('import-summary')).toContainText('spotlight-activations.npy: 400 × 4');
  // A mismatched basis is refused too.
  await page.getByTestId('import-basis').setInputFiles(join(FIXTURES, 'spotlight-basis-3col.npy'));
  await expect(page.getByTestId('import-error')).toContainText('basis has 3 columns but the activations have 4');
  await page.screenshot({ path: 'e2e-artifacts/spotlight.png', fullPage: true });
  info.annotations.push({ type: 'steps', description: String(await currentStep(page)) });
});

test('spotlight: while playing, the SRM and its rotation null run in the analysis job worker and reach the views', async ({ page }) => {
  await openLab(page, '?lab=spotlight&preset=tanh-vs-isotropic');
  const analysisStep = () =>
    page.evaluate(
      () =>
        (window as unknown as { geometryLab: { state(): { snapshot: { analysisStep?: number } | null } } }).geometryLab.state().snapshot
          ?.analysisStep ?? -1,
    );
  expect(await analysisStep()).toBe(0);
  await page.getByTestId('play').click();
  // The training worker starts the job worker on the first analysis while playing.
  await expect.poll(() => page.workers().some((w) => w.url().includes('job-worker')), { timeout: 30_000 }).toBe(true);
  // Analyses made while playing land (the paused page's own analyses are inline, so these came from the job worker).
  await expect.poll(analysisStep, { timeout: 40_000 }).toBeGreaterThan(0);
  const first = await analysisStep();
  await expect.poll(analysisStep, { timeout: 40_000 }).toBeGreaterThan(first);
  expect(
    await page.evaluate(() => (window as unknown as { geometryLab: { state(): { playing: boolean } } }).geometryLab.state().playing),
  ).toBe(true);
  const anisotropy = page.getByTestId('anisotropy-point');
  await expect(anisotropy.first()).toBeVisible();
  await expect(page.getByText(/analysis worker failed/)).toHaveCount(0);
  await page.getByTestId('play').click();
});
