import { expect, type Page, type TestInfo } from '@playwright/test';

/** The document's scroll size against the window: a page that does not scroll has both ≤ the window. */
export async function pageScroll(
  page: Page,
): Promise<{ scrollWidth: number; scrollHeight: number; innerWidth: number; innerHeight: number }> {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    innerWidth,
    innerHeight,
  }));
}

/**
 * Every visible, non-empty SVG text in the views: its computed font size times the scale from its
 * user units to the screen, i.e. its size on screen in CSS px.
 */
export async function chartTextSizes(page: Page): Promise<Array<{ text: string; px: number }>> {
  return page.evaluate(() => {
    const out: Array<{ text: string; px: number }> = [];
    for (const el of document.querySelectorAll<SVGTextElement>('.views svg text')) {
      const text = (el.textContent ?? '').trim();
      const box = el.getBoundingClientRect();
      if (!text || box.width === 0 || box.height === 0) continue;
      const ctm = el.getScreenCTM();
      const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
      out.push({ text, px: parseFloat(getComputedStyle(el).fontSize) * scale });
    }
    return out;
  });
}

export async function expectNoPageScroll(page: Page): Promise<void> {
  const s = await pageScroll(page);
  expect(s.scrollHeight, 'document scrollHeight ≤ innerHeight').toBeLessThanOrEqual(s.innerHeight);
  expect(s.scrollWidth, 'document scrollWidth ≤ innerWidth').toBeLessThanOrEqual(s.innerWidth);
}

export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const s = await pageScroll(page);
  expect(s.scrollWidth, 'document scrollWidth ≤ innerWidth').toBeLessThanOrEqual(s.innerWidth);
}

/** A full-page screenshot kept with the test's results (an artifact, not a comparison). */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
