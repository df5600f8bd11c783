import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { LABS } from '../src/labs/registry';
import { readFileSync } from 'node:fs';
import { encodeTourData } from '../src/tours/link';
import type { Tour } from '../src/tours/schema';
import { currentStep, openLab } from './helpers';

// Read as a file: Node's ESM loader (Playwright's) needs an import attribute for JSON, Vite does not.
const SUPERPOSITION = JSON.parse(readFileSync(new URL('../src/labs/superposition/tour.json', import.meta.url), 'utf8')) as Tour;

const query = (page: Page) => new URL(page.url()).searchParams;

async function expectStep(page: Page, k: number, n: number): Promise<void> {
  await expect(page.getByTestId('tour-count')).toContainText(`Step ${k} of ${n}`);
  const step = SUPERPOSITION.steps[k - 1]!;
  await expect.poll(() => query(page).get('tourStep')).toBe(String(k));
  expect(query(page).get('tour')).toBe('superposition');
  await expect.poll(() => query(page).get('preset')).toBe(step.preset);
  await expect(page.getByTestId('app')).toHaveAttribute('data-lab', step.lab);
  await expect(page.getByTestId('tour-spotlight')).toHaveAttribute('data-view', step.spotlight!);
  const view = page.getByTestId(`view-${step.spotlight}`);
  await expect(view).toHaveCSS('outline-style', 'solid');
  await expect(view).toBeInViewport();
}

test('the landing page links each lab to its tour', async ({ page }) => {
  await page.goto('/');
  for (const lab of LABS) await expect(page.getByTestId(`tour-link-${lab.id}`)).toHaveAttribute('href', `?tour=${lab.id}`);
  await page.getByTestId('tour-link-superposition').click();
  await expect(page.getByTestId('tour-panel')).toBeVisible();
});

test('walks the superposition tour with the keyboard; the URL reproduces each step, also after a reload', async ({ page }) => {
  const n = SUPERPOSITION.steps.length;
  await openLab(page, '?tour=superposition');
  const panel = page.getByTestId('tour-panel');
  await expect(panel).toHaveAttribute('aria-label', `Tour: ${SUPERPOSITION.title}`);
  await expectStep(page, 1, n);
  // KaTeX maths in the caption.
  await expect(page.getByTestId('tour-caption').locator('.katex').first()).toBeVisible();
  // The panel is operable and labelled (axe: names, roles, contrast).
  const axe = await new AxeBuilder({ page }).include('[data-testid="tour-panel"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.getByTestId('tour-next').focus();
  await page.keyboard.press('Enter');
  await expectStep(page, 2, n);
  await page.getByTestId('tour-prev').focus();
  await page.keyboard.press('Space');
  await expectStep(page, 1, n);
  for (let k = 2; k <= n; k++) {
    await page.keyboard.press(k % 2 ? 'PageDown' : 'ArrowRight');
    await expectStep(page, k, n);
  }
  // Past the last step nothing moves.
  await page.keyboard.press('ArrowRight');
  await expectStep(page, n, n);
  for (let k = n - 1; k >= 1; k--) {
    await page.keyboard.press(k % 2 ? 'ArrowLeft' : 'PageUp');
    await expectStep(page, k, n);
  }
  // A reload at step 3 lands on step 3 with its lab and preset.
  await page.getByTestId('tour-next').click();
  await page.getByTestId('tour-next').click();
  await expectStep(page, 3, n);
  await page.reload();
  await expect(page.getByTestId('backend')).not.toHaveText('starting…', { timeout: 60_000 });
  await expectStep(page, 3, n);
  // A focused slider keeps its arrow keys.
  const slider = page.locator('.sidebar input[type=range]').first();
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('tour-count')).toContainText(`Step 3 of ${n}`);
  // Closing ends the tour and leaves the lab state in the URL.
  await page.getByTestId('tour-close').click();
  await expect(panel).toHaveCount(0);
  expect(query(page).get('tour')).toBeNull();
  expect(query(page).get('tourStep')).toBeNull();
  expect(query(page).get('lab')).toBe('superposition');
  await expect(page.getByTestId('tour-launcher')).toBeVisible();
});

test('an advance condition trains until step N, then moves on or pauses', async ({ page }) => {
  const tour: Tour = {
    format: 'geometry-lab-tour',
    version: 1,
    id: 'advance',
    title: 'Advance',
    steps: [
      {
        lab: 'superposition',
        preset: 'pentagon',
        spotlight: 'arrows',
        caption: 'Trains to 150, then moves on.',
        advance: { until: 'step', step: 150, then: 'next' },
      },
      {
        lab: 'superposition',
        preset: 'digons',
        spotlight: 'arrows',
        caption: 'Trains to 250, then pauses.',
        advance: { until: 'step', step: 250 },
      },
      {
        lab: 'superposition',
        preset: 'pentagon',
        spotlight: 'gram',
        caption: 'Trains until the loss falls below 0.08.',
        advance: { until: 'metric', metric: 'loss', below: 0.08, maxStep: 50_000 },
      },
    ],
  };
  await page.goto(`/?tourData=${encodeTourData(tour)}&tourStep=1`);
  await expect(page.getByTestId('tour-count')).toContainText('Step 2 of 3', { timeout: 60_000 });
  expect(query(page).get('tourStep')).toBe('2');
  expect(query(page).get('preset')).toBe('digons');
  await expect(page.getByTestId('tour-advance')).toHaveAttribute('data-reached', 'true', { timeout: 60_000 });
  await expect(page.getByTestId('play')).toHaveText(/Play/);
  expect(await currentStep(page)).toBeGreaterThanOrEqual(250);
  await expect(page.getByTestId('tour-copy')).toBeVisible();
  // A metric condition: the loss crosses 0.08 long before the 50,000-step cap.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tour-count')).toContainText('Step 3 of 3');
  await expect(page.getByTestId('tour-advance')).toContainText('loss falls below 0.08');
  await expect(page.getByTestId('tour-advance')).toHaveAttribute('data-reached', 'true', { timeout: 60_000 });
  await expect(page.getByTestId('play')).toHaveText(/Play/);
  const loss = await page.evaluate(
    () =>
      (window as unknown as { geometryLab: { state(): { snapshot: { loss: number } | null } } }).geometryLab.state().snapshot?.loss ?? NaN,
  );
  expect(loss).toBeLessThan(0.08);
  expect(await currentStep(page)).toBeLessThan(50_000);
});

test('a hostile or unknown tour is named in a warning and leaves the page working', async ({ page }) => {
  for (const [link, message] of [
    ['?tourData=%3Cscript%3Ealert(1)%3C%2Fscript%3E&tourStep=2', /could not be decompressed|not JSON/],
    ['?tour=nope&tourStep=1', '"nope" is not a tour'],
    [
      `?tourData=${encodeTourData({ format: 'geometry-lab-tour', version: 1, id: 'x', title: 'x', steps: [{ lab: 'evil', caption: 'x' }] })}`,
      'step 1 lab',
    ],
  ] as const) {
    await openLab(page, link);
    await expect(page.getByTestId('url-warning').filter({ hasText: message })).toBeVisible();
    await expect(page.getByTestId('tour-panel')).toHaveCount(0);
    await expect(page.getByTestId('app')).toHaveAttribute('data-lab', 'superposition');
    await page.getByTestId('step').click();
    await expect.poll(() => currentStep(page)).toBe(1);
  }
});

test('a caption shows HTML as nothing, never as elements; a tour file opens, a bad one is refused', async ({ page }) => {
  const tour: Tour = {
    format: 'geometry-lab-tour',
    version: 1,
    id: 'hostile-caption',
    title: 'Caption',
    steps: [
      {
        lab: 'bias',
        preset: 'prevalence',
        spotlight: 'bars',
        caption:
          'Safe <img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script> **bold** ![i](x.png) $x^2$ [link](javascript:window.__pwned=1) $\\href{javascript:window.__pwned=1}{y}$',
      },
    ],
  };
  await openLab(page, '?lab=superposition');
  const before = page.url();
  await page.getByTestId('tour-launcher').locator('summary').click();
  await page.getByTestId('tour-file').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "geometry-lab-tour", "version": 1, "id": "x", "title": "x", "steps": []}'),
  });
  await expect(page.getByTestId('notice-error')).toContainText('"bad.json": The tour is not valid: steps');
  expect(page.url()).toBe(before);
  await page
    .getByTestId('tour-file')
    .setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(70 * 1024, 32) });
  await expect(page.getByTestId('notice-error').filter({ hasText: 'huge.json' })).toContainText('at most 64 KB');
  await page
    .getByTestId('tour-file')
    .setInputFiles({ name: 'caption.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tour)) });
  await expect(page.getByTestId('tour-count')).toContainText('Step 1 of 1');
  await expect(page.getByTestId('app')).toHaveAttribute('data-lab', 'bias');
  await expect.poll(() => query(page).get('tourData')).toBe(encodeTourData(tour));
  const caption = page.getByTestId('tour-caption');
  await expect(caption.locator('strong')).toHaveText('bold');
  await expect(caption.locator('.katex')).toHaveCount(2);
  await expect(caption.locator('img, script')).toHaveCount(0);
  // Links and KaTeX's \href never carry javascript: (react-markdown's URL filter; KaTeX untrusted).
  await expect(caption.locator('a')).toHaveCount(1);
  expect(await caption.locator('a').getAttribute('href')).not.toMatch(/javascript/i);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // A tour too large for a link opens in the page only, and says so.
  let seed = 7;
  const noise = () =>
    Array.from({ length: 1500 }, () => String.fromCharCode(0x4e00 + ((seed = (seed * 16807) % 2147483647) % 2000))).join('');
  const big: Tour = { ...tour, id: 'big', steps: [0, 1, 2].map(() => ({ lab: 'superposition', preset: 'pentagon', caption: noise() })) };
  await page
    .getByTestId('tour-file')
    .setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
  await expect(page.getByTestId('tour-count')).toContainText('Step 1 of 3');
  await expect(page.getByTestId('notice-info')).toContainText('too large to share in a link');
  await expect(page.getByTestId('tour-local')).toBeVisible();
  expect(query(page).get('tourData')).toBeNull();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tour-count')).toContainText('Step 2 of 3');
});

test('every built-in tour opens each of its steps and spotlights a view that exists', async ({ page }) => {
  test.setTimeout(600_000);
  for (const lab of LABS) {
    const tour = JSON.parse(readFileSync(new URL(`../src/labs/${lab.id}/tour.json`, import.meta.url), 'utf8')) as Tour;
    // 10 steps a second: the steps' training stays light on a shared machine.
    await openLab(page, `?tour=${lab.id}&speed=10`);
    for (const [i, step] of tour.steps.entries()) {
      await expect(page.getByTestId('tour-count')).toContainText(`Step ${i + 1} of ${tour.steps.length}`);
      await expect(page.getByTestId('app')).toHaveAttribute('data-lab', lab.id);
      await expect.poll(() => query(page).get('preset')).toBe(step.preset);
      expect(query(page).get('speed')).toBe('10');
      await expect(page.getByTestId(`view-${step.spotlight}`), `${lab.id} step ${i + 1}`).toBeVisible({ timeout: 60_000 });
      await page.keyboard.press('ArrowRight');
    }
    await expect(page.getByTestId('url-warning')).toHaveCount(0);
  }
});
