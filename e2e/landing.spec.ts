import { expect, test } from '@playwright/test';
import { LABS } from '../src/labs/registry';

test('the bare address shows every lab as real links; each opens its lab, and the title leads back', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('landing')).toBeVisible();
  await expect(page.locator('.lab-card')).toHaveCount(LABS.length);
  // Nothing trains on the landing page.
  await expect(page.getByTestId('backend')).toHaveCount(0);
  for (const lab of LABS) {
    const card = page.getByTestId(`landing-${lab.id}`);
    // A drawn thumbnail, decorative (the title says it), linking to the lab too.
    await expect(card.getByTestId(`thumb-${lab.id}`)).toBeVisible();
    expect(await card.getByTestId(`thumb-${lab.id}`).locator('*').count()).toBeGreaterThan(2);
    await expect(card.getByRole('link', { name: lab.title })).toHaveAttribute('href', `?lab=${lab.id}`);
    for (const preset of lab.presets)
      await expect(card.getByRole('link', { name: preset.name, exact: true })).toHaveAttribute(
        'href',
        `?lab=${lab.id}&preset=${preset.name}`,
      );
  }
  await page.getByTestId('landing-spotlight').getByRole('link', { name: 'tanh-vs-isotropic' }).click();
  await expect(page.getByTestId('app')).toHaveAttribute('data-lab', 'spotlight');
  expect(new URL(page.url()).searchParams.get('preset')).toBe('tanh-vs-isotropic');
  await page.getByRole('link', { name: 'Geometry Lab' }).click();
  await expect(page.getByTestId('landing')).toBeVisible();
});
