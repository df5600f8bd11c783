import { expect, test } from '@playwright/test';
import { LABS } from '../src/labs/registry';
import { openLab } from './helpers';
import { chartTextSizes, expectNoPageScroll, keepScreenshot, pageScroll } from './layout-helpers';

const MIN_CHART_TEXT_PX = 18;

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  test.describe(`lecture mode at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('every lab: no page scroll, chart text ≥ 18 px on screen, hidden controls stay hidden', async ({ page }, testInfo) => {
      const report: string[] = [];
      for (const lab of LABS) {
        const hidden = lab.params.slice(0, 2).map((p) => p.key);
        await openLab(page, `?lab=${lab.id}&preset=${lab.presets[0]!.name}&lecture=1&hide=${hidden.join(',')}`);
        await expect(page.getByTestId('app')).toHaveClass(/lecture/);
        for (const key of hidden) await expect(page.getByTestId(`param-${key}`)).toHaveCount(0);
        // A few steps so that the charts are drawn, not placeholders.
        for (let i = 0; i < 3; i++) await page.getByTestId('step').click();
        await expect.poll(async () => (await chartTextSizes(page)).length).toBeGreaterThan(0);
        await page.waitForTimeout(300);
        await expectNoPageScroll(page);
        const sizes = await chartTextSizes(page);
        const smallest = sizes.reduce((a, b) => (b.px < a.px ? b : a));
        const scroll = await pageScroll(page);
        report.push(
          `${lab.id}: ${sizes.length} texts, smallest ${smallest.px.toFixed(1)} px ("${smallest.text}"), scroll ${scroll.scrollWidth}×${scroll.scrollHeight} in ${scroll.innerWidth}×${scroll.innerHeight}`,
        );
        expect(smallest.px, `${lab.id}: smallest chart text "${smallest.text}"`).toBeGreaterThanOrEqual(MIN_CHART_TEXT_PX);
        await keepScreenshot(page, testInfo, `lecture-${lab.id}-${size.width}x${size.height}`);
      }
      await testInfo.attach('measurements', { body: report.join('\n'), contentType: 'text/plain' });
      console.log(report.join('\n'));
    });

    test('focus= shows one view full size with its About text; previous/next page through the views', async ({ page }, testInfo) => {
      await openLab(page, '?lab=superposition&preset=pentagon&lecture=1&focus=arrows');
      await page.getByTestId('step').click();
      await expect(page.locator('.view-panel:visible')).toHaveCount(1);
      const panel = page.getByTestId('view-arrows');
      await expect(panel).toBeVisible();
      await expect(panel.getByTestId('about-arrows')).toHaveAttribute('open', '');
      await expect(panel.getByText('What is plotted')).toBeVisible();
      // Its formula is typeset by KaTeX (loaded when the panel opens), with the plain text as its title.
      await expect(panel.locator('.katex-formula .katex')).toHaveCount(1);
      // The chart takes most of the window's height.
      const box = (await panel.locator('.view-body svg').first().boundingBox())!;
      expect(box.height).toBeGreaterThan(size.height * 0.4);
      await expectNoPageScroll(page);
      const smallest = Math.min(...(await chartTextSizes(page)).map((t) => t.px));
      expect(smallest).toBeGreaterThanOrEqual(MIN_CHART_TEXT_PX);
      await keepScreenshot(page, testInfo, `focus-arrows-${size.width}x${size.height}`);

      await page.getByTestId('focus-next').click();
      await expect(page.getByTestId('view-gram')).toBeVisible();
      await expect(page.getByTestId('view-arrows')).toBeHidden();
      await expect(page).toHaveURL(/focus=gram/);
      await page.keyboard.press('PageUp');
      await expect(page.getByTestId('view-arrows')).toBeVisible();
      await expectNoPageScroll(page);
      await page.getByTestId('focus-all').click();
      await expect(page.locator('.view-panel:visible')).toHaveCount(5);
      await expect(page).not.toHaveURL(/focus=/);
      await expectNoPageScroll(page);
    });
  });
}

test('an unknown focus= is named in a warning and every view shows', async ({ page }) => {
  await openLab(page, '?lab=superposition&focus=%3Cb%3Enope%3C%2Fb%3E');
  await expect(page.getByTestId('url-warning')).toContainText('focus="<b>nope</b>" is not a view of superposition');
  await expect(page.locator('.views b')).toHaveCount(0);
  await expect(page.locator('.view-panel:visible')).toHaveCount(5);
});
