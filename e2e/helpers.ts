import { expect, type Page } from '@playwright/test';

/** Waits until the worker has a backend and the first snapshot is drawn. */
export async function openLab(page: Page, query: string): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByTestId('backend')).not.toHaveText('starting…', { timeout: 60_000 });
  await expect(page.getByTestId('play')).toBeEnabled();
}

export async function currentStep(page: Page): Promise<number> {
  const text = (await page.getByTestId('step-count').textContent()) ?? '';
  return Number(text.replace(/[^0-9]/g, ''));
}

export async function dValues(page: Page): Promise<number[]> {
  const cells = await page.getByTestId('d-value').allTextContents();
  return cells.map(Number);
}
