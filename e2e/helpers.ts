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

/** Pauses a playing run and waits until the final snapshot is in the store and stays there. */
export async function pauseAndSettle(page: Page): Promise<number> {
  await page.getByTestId('play').click();
  return settle(page);
}

/**
 * Waits until the run shows as paused and its final snapshot — at the step the worker reported when
 * it paused — is in the store and stays there.
 */
export async function settle(page: Page): Promise<number> {
  await expect(page.getByTestId('play')).toHaveText(/Play/);
  const storeStep = () =>
    page.evaluate(() => {
      const s = (
        window as unknown as { geometryLab: { state(): { snapshot: { step: number } | null; workerStep: number } } }
      ).geometryLab.state();
      // Not yet the final snapshot: report a value that never equals the previous poll's.
      return s.snapshot?.step === s.workerStep ? s.snapshot.step : -Math.random() - 10;
    });
  let last = -2;
  await expect
    .poll(
      async () => {
        const now = await storeStep();
        const stable = now === last;
        last = now;
        return stable;
      },
      { intervals: [300] },
    )
    .toBe(true);
  await expect.poll(() => currentStep(page)).toBe(last);
  return last;
}

/** Waits (while training) until the readout shows five features at D = 2/5 ± 0.05. */
export async function waitForPentagon(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const d = await dValues(page);
        return d.length === 5 && d.every((v) => Math.abs(v - 0.4) < 0.05);
      },
      { timeout: 60_000, intervals: [250] },
    )
    .toBe(true);
}

/** Longest gap between animation frames while `action` runs, in ms: the page must never freeze. */
export async function longestFrameGap(page: Page, action: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __gap: number; __last: number; __watch: boolean };
    w.__gap = 0;
    w.__last = performance.now();
    w.__watch = true;
    const tick = () => {
      const now = performance.now();
      w.__gap = Math.max(w.__gap, now - w.__last);
      w.__last = now;
      if (w.__watch) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await action();
  return page.evaluate(() => {
    const w = window as unknown as { __gap: number; __watch: boolean };
    w.__watch = false;
    return w.__gap;
  });
}
