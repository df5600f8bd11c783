import { expect, test } from '@playwright/test';
import { devPort } from '../playwright.config';
import { currentStep } from './helpers';

test('the development server (npm run dev) trains too', async ({ page }) => {
  // The first visit may trigger Vite's dependency pre-bundling and one reload.
  await page.goto(`http://127.0.0.1:${devPort}/?lab=superposition&preset=pentagon&autoplay=1`);
  await expect(page.getByTestId('backend')).toHaveText(/wasm|webgl|cpu|webgpu/, { timeout: 60_000 });
  await expect.poll(() => currentStep(page), { timeout: 60_000 }).toBeGreaterThan(100);
});
