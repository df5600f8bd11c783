import { expect, test } from '@playwright/test';
import { openLab } from './helpers';

test('a diverging learning rate pauses the run, says why and keeps the last finite snapshot', async ({ page }) => {
  // bows at lr = 10 overflows within ten steps (the runner measured 5.6e29 at step 9).
  await openLab(page, '?lab=bows&preset=small-vocab&lr=10');
  await page.getByTestId('play').click();
  const notice = page.getByTestId('notice-error');
  await expect(notice).toContainText(/diverged/, { timeout: 60_000 });
  await expect(notice).toContainText(/smaller learning rate/);
  await expect(page.getByTestId('play')).toHaveText(/Play/);
  // The readout shows the restored snapshot's loss, or — when no loss was computed before it.
  await expect(page.getByTestId('loss-readout')).not.toContainText(/NaN|Infinity|e\+\d{2}/);
  const weights = await page.evaluate(() => {
    const s = (window as unknown as { geometryLab: { state(): { snapshot: { tensors: Record<string, { data: Float32Array }> } | null } } }).geometryLab.state().snapshot;
    return s ? ['W', 'b'].every((k) => Array.from(s.tensors[k]!.data).every(Number.isFinite)) : false;
  });
  expect(weights).toBe(true);
});
