import { expect, test } from '@playwright/test';
import { currentStep, openLab, pauseAndSettle } from './helpers';

// On cpu (and webgl/webgpu) a lab's snapshot arrays can be tfjs's own storage; posting them to the
// page must not detach the live weights (that once made training "diverge" at the first snapshot).
for (const backend of ['cpu', 'webgl'] as const) {
  test(`bias trains on the ${backend} backend through snapshots, pause and single steps`, async ({ page }) => {
    await openLab(page, `?lab=bias&preset=easy-vs-hard&backend=${backend}&batch=64`);
    await expect(page.getByTestId('backend')).toHaveText(backend);
    await page.getByTestId('play').click();
    await expect.poll(() => currentStep(page), { timeout: 60_000 }).toBeGreaterThan(60);
    const paused = await pauseAndSettle(page);
    await page.getByTestId('step').click();
    await expect.poll(() => currentStep(page)).toBe(paused + 1);
    await expect(page.getByTestId('notice-error')).toHaveCount(0);
    const loss = Number(((await page.getByTestId('loss-readout').textContent()) ?? '').replace('loss', '').trim());
    expect(Number.isFinite(loss)).toBe(true);
  });
}

test('backend=fastest times this lab on every backend and keeps the fastest', async ({ page }) => {
  await openLab(page, '?lab=superposition&preset=decay&backend=fastest');
  const notice = page.getByTestId('notice-info').filter({ hasText: 'Measured ms per step' });
  await expect(notice).toBeVisible();
  const text = (await notice.textContent()) ?? '';
  const timings = [...text.matchAll(/(webgpu|wasm|webgl|cpu) ([\d.]+)/g)].map((m) => ({ backend: m[1]!, ms: Number(m[2]) }));
  expect(timings.map((t) => t.backend).sort()).toEqual(['cpu', 'wasm', 'webgl', 'webgpu']);
  const fastest = timings.reduce((a, b) => (b.ms < a.ms ? b : a));
  await expect(page.getByTestId('backend')).toHaveText(fastest.backend);
  await expect(page).toHaveURL(/backend=fastest/);
});
