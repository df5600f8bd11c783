import { expect, test } from '@playwright/test';
import { LABS } from '../src/labs/registry';
import { generateUrlCases } from './fuzz/url-cases';
import { checkUrl, collectPageErrors, prototypeBaseline, type UrlVerdict } from './fuzz/check-url';

const COUNT = 320;
const cases = generateUrlCases(COUNT, 11);
const labIds = LABS.map((l) => l.id);

test('320 generated hostile links: never blank, no error, no script, no pollution, every bad value named', async ({ page }) => {
  test.setTimeout(600_000);
  const errors = collectPageErrors(page);
  await page.goto('/?lab=superposition');
  await expect(page.getByTestId('app')).toHaveAttribute('data-lab', 'superposition');
  const baseline = await prototypeBaseline(page);
  const failed: UrlVerdict[] = [];
  for (const c of cases) {
    // Every 20th link is a real page load; the rest navigate in place, as back/forward does.
    const verdict = await checkUrl(page, c, labIds, baseline, errors, c.id % 20 === 0 ? 'load' : 'navigate');
    if (verdict.problems.length) failed.push(verdict);
  }
  const report = failed
    .slice(0, 15)
    .map((v) => `#${v.id} ${v.url}\n    ${v.problems.join('\n    ')}`)
    .join('\n');
  expect(failed.length, `links that failed:\n${report}`).toBe(0);
});

test('tfjs never reads the page URL: tfjsflags in a link reaches no tf.env()', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/?lab=superposition&tfjsflags=IS_TEST:true,PROD:false&n=%E0%A4%A');
  await expect(page.getByTestId('backend')).not.toHaveText('starting…', { timeout: 60_000 });
  await expect(page.getByTestId('play')).toBeEnabled();
  expect(errors.take()).toEqual([]);
  await expect(page.getByTestId('url-warning').filter({ hasText: 'malformed %-escape' })).toHaveCount(1);
  await expect(page.getByTestId('url-warning').filter({ hasText: '"tfjsflags"' })).toHaveCount(1);
  // The main thread never loaded tfjs; the worker runs at a URL without a query.
  expect(await page.evaluate(() => '_tfengine' in globalThis || 'tf' in globalThis)).toBe(false);
});
