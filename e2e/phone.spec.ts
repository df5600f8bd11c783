import { expect, test } from '@playwright/test';
import { LABS } from '../src/labs/registry';
import { openLab } from './helpers';
import { expectNoHorizontalScroll, keepScreenshot } from './layout-helpers';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

test('390×844: no horizontal scroll on the landing page and any lab; views stack', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('landing')).toBeVisible();
  await expectNoHorizontalScroll(page);
  for (const lab of LABS) {
    await openLab(page, `?lab=${lab.id}`);
    await page.getByTestId('step').click();
    await page.waitForTimeout(300);
    await expectNoHorizontalScroll(page);
    // One column: every view starts at the same left edge.
    const lefts = await page
      .locator('.view-panel')
      .evaluateAll((els) => [...new Set(els.map((e) => Math.round(e.getBoundingClientRect().left)))]);
    expect(lefts, `${lab.id}: views stack`).toHaveLength(1);
    await keepScreenshot(page, testInfo, `phone-${lab.id}`);
  }
});

test('the sidebar is a drawer: a button opens it, Escape closes it, focus moves in and back', async ({ page }, testInfo) => {
  await openLab(page, '?lab=superposition&preset=pentagon');
  const toggle = page.getByTestId('drawer-toggle');
  const drawer = page.getByTestId('sidebar-drawer');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(drawer).toBeHidden();
  await expect(page.getByTestId('preset')).toBeHidden();

  // Keyboard: focus the toggle, Enter opens, focus lands inside; Escape closes and focus returns.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(drawer).toBeVisible();
  await expect(page.getByTestId('preset')).toBeVisible();
  expect(await page.evaluate(() => document.getElementById('sidebar-drawer')!.contains(document.activeElement))).toBe(true);
  await expectNoHorizontalScroll(page);
  await keepScreenshot(page, testInfo, 'phone-drawer-open');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');

  // Click (tap): open, change a parameter, close with its button.
  await toggle.tap();
  await expect(drawer).toBeVisible();
  await page.getByTestId('preset').selectOption('digons');
  await expect(page).toHaveURL(/preset=digons/);
  await page.getByTestId('drawer-close').tap();
  await expect(drawer).toBeHidden();
  await expect(toggle).toBeFocused();
});

test('touch drags rotate the projection (pointer events, touch-action: none)', async ({ page }) => {
  await openLab(page, '?lab=superposition&preset=decay');
  await page.getByTestId('step').click();
  const svg = page.getByTestId('view-arrows').locator('svg').first();
  await expect(svg).toHaveCSS('touch-action', 'none');
  const box = (await svg.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const before = new URL(page.url()).searchParams.get('view_rx');
  // A real one-finger drag (Chromium turns touches into pointer events of type touch).
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y, id: 1 }] });
  await page.evaluate(() => {
    const w = window as unknown as { __touchPointers: number };
    w.__touchPointers = 0;
    addEventListener('pointermove', (e: PointerEvent) => {
      if (e.pointerType === 'touch') w.__touchPointers++;
    });
  });
  await touch('touchStart', cx, cy);
  for (let i = 1; i <= 8; i++) await touch('touchMove', cx + i * 10, cy + i * 6);
  await touch('touchEnd', cx + 80, cy + 48);
  expect(await page.evaluate(() => (window as unknown as { __touchPointers: number }).__touchPointers)).toBeGreaterThan(0);
  await expect.poll(() => new URL(page.url()).searchParams.get('view_rx')).not.toBe(before);
  await expectNoHorizontalScroll(page);
});
