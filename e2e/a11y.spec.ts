import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { LABS } from '../src/labs/registry';
import { openLab } from './helpers';

/** axe-core on the page as it is now; fails on any serious or critical violation, and reports all. */
async function expectAccessible(page: Page, testInfo: TestInfo, name: string): Promise<number> {
  // A chart's marks (thousands of rects in a heatmap) are one picture: the SVG itself is checked
  // (role="img" with a name), the marks inside it are not, which keeps a run to seconds.
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .exclude('.view-body svg > *')
    .analyze();
  const summary = result.violations.map(
    (v) =>
      `${v.impact} ${v.id} (${v.nodes.length}): ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
  await testInfo.attach(`axe-${name}`, { body: JSON.stringify(result.violations, null, 2), contentType: 'application/json' });
  console.log(`${name}: ${result.violations.length} violations${summary.length ? `\n  ${summary.join('\n  ')}` : ''}`);
  const severe = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    severe.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    name,
  ).toEqual([]);
  return result.violations.length;
}

test('the landing page has no serious or critical axe violations', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('landing')).toBeVisible();
  await expectAccessible(page, testInfo, 'landing');
});

for (const lab of LABS) {
  test(`${lab.id}: no serious or critical axe violations after a few steps`, async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    await openLab(page, `?lab=${lab.id}&preset=${lab.presets[0]!.name}`);
    for (let i = 0; i < 3; i++) await page.getByTestId('step').click();
    await expect(page.getByTestId('step-count')).toHaveText('step 3');
    await expectAccessible(page, testInfo, lab.id);
  });
}

test('lecture mode (its own colours) and focus= have no serious or critical axe violations', async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await openLab(page, '?lab=superposition&preset=pentagon&lecture=1');
  await page.getByTestId('step').click();
  await expectAccessible(page, testInfo, 'superposition-lecture');
  await page.getByTestId('focus-arrows').click();
  await expectAccessible(page, testInfo, 'superposition-lecture-focus');
});

test('embed mode has no serious or critical axe violations', async ({ page }, testInfo) => {
  await openLab(page, '?lab=superposition&preset=pentagon&embed=1&view=arrows');
  await page.getByTestId('step').click();
  await expectAccessible(page, testInfo, 'embed');
});

test('keyboard: every control is reachable by Tab with a visible focus ring; the drawer and the projection work by keys', async ({
  page,
}) => {
  await openLab(page, '?lab=superposition&preset=decay');
  await page.getByTestId('step').click();
  // Tab through the page: every focused element shows an outline.
  const seen = new Set<string>();
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return {
        id: el.dataset.testid ?? el.tagName + (el.textContent ?? '').slice(0, 20),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });
    if (!focused) continue;
    expect(focused.outline, `focus ring on ${focused.id}`).toBe(true);
    seen.add(focused.id);
  }
  for (const id of ['play', 'step', 'reset', 'speed', 'copy-link', 'focus-arrows', 'arrows-svg']) expect([...seen], id).toContain(id);

  // The projection rotates from the keyboard.
  const svg = page.getByTestId('arrows-svg');
  await svg.focus();
  const before = new URL(page.url()).searchParams.get('view_rx');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => new URL(page.url()).searchParams.get('view_rx')).not.toBe(before);
  // …without stepping the run (→ is also the step shortcut).
  await expect(page.getByTestId('step-count')).toHaveText('step 1');

  // Focus mode by keyboard: Enter on "Focus", then back.
  await page.getByTestId('focus-gram').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.view-panel:visible')).toHaveCount(1);
  await page.getByTestId('focus-all').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.view-panel:visible')).toHaveCount(5);
});

test('every view has a one-line summary for screen readers', async ({ page }) => {
  for (const lab of LABS) {
    await openLab(page, `?lab=${lab.id}`);
    const panels = page.locator('section.view-panel');
    const count = await panels.count();
    expect(count).toBeGreaterThan(0);
    const described = await panels.evaluateAll((els) =>
      els.map((el) => {
        const id = el.getAttribute('aria-describedby');
        const text = id ? (document.getElementById(id)?.textContent ?? '') : '';
        return { view: el.getAttribute('data-view-id'), text };
      }),
    );
    for (const d of described) {
      expect(d.text.length, `${lab.id}/${d.view}`).toBeGreaterThan(20);
      expect(lab.viewIds, `${lab.id}: ${d.view} is listed in viewIds`).toContain(d.view);
    }
  }
});
