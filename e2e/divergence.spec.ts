import { expect, test, type Page } from '@playwright/test';
import { openLab } from './helpers';
import { encodeSnapshotHash } from '../src/state/hash-snapshot';

/** Weights in the store's snapshot: every value finite? */
const storeWeightsFinite = (page: Page, names: string[]) =>
  page.evaluate((keys) => {
    const s = (
      window as unknown as { geometryLab: { state(): { snapshot: { weights: Record<string, { data: Float32Array }> } | null } } }
    ).geometryLab.state().snapshot;
    return s ? keys.every((k) => s.weights[k] !== undefined && Array.from(s.weights[k].data).every(Number.isFinite)) : false;
  }, names);

/** No SVG attribute anywhere on the page holds NaN or Infinity. */
const nonFiniteAttributes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('svg *')].flatMap((el) =>
      // (Embedded images' base64 may spell "NaN" by chance: hrefs are not numbers.)
      [...el.attributes]
        .filter((a) => !a.name.endsWith('href') && /NaN|Infinity/.test(a.value))
        .map((a) => `${el.tagName} ${a.name}="${a.value.slice(0, 40)}"`),
    ),
  );

async function expectCaught(page: Page, weightNames: string[]): Promise<void> {
  await page.getByTestId('play').click();
  const notice = page.getByTestId('notice-error').filter({ hasText: /diverged/ });
  await expect(notice).toBeVisible({ timeout: 90_000 });
  await expect(notice).toContainText(/smaller learning rate/);
  await expect(page.getByTestId('play')).toHaveText(/Play/);
  await expect(page.getByTestId('loss-readout')).not.toContainText(/NaN|Infinity/);
  expect(await storeWeightsFinite(page, weightNames)).toBe(true);
  expect(await nonFiniteAttributes(page)).toEqual([]);
}

/** Finite but huge weights in a link: they load, and turn NaN within a few steps of training. */
function hugeWeights(W: number[], b: number[]): string {
  const t = (shape: number[]) => ({
    shape,
    data: Float32Array.from({ length: shape.reduce((a, c) => a * c, 1) }, (_, i) => (i % 2 ? -1e30 : 1e30)),
  });
  return encodeSnapshotHash({ step: 10, loss: 0.1, weights: { W: t(W), b: t(b) } })!;
}

test.describe('divergence is caught on every lab: paused, explained, last finite snapshot kept', () => {
  test('superposition: weights that overflow behind the ReLU (finite loss)', async ({ page }) => {
    await openLab(page, `?lab=superposition&n=5&m=2#${hugeWeights([1, 2, 5], [1, 1, 5])}`);
    await expectCaught(page, ['W', 'b']);
  });

  test('capacity: huge weights', async ({ page }) => {
    await openLab(page, `?lab=capacity&n=20&m=5#${hugeWeights([1, 5, 20], [1, 1, 1])}`);
    await expectCaught(page, ['W', 'b']);
  });

  test('bows: learning rate 10 (the loss overflows)', async ({ page }) => {
    await openLab(page, '?lab=bows&preset=small-vocab&lr=10');
    await expectCaught(page, ['W', 'b']);
  });

  // The loss jumps from 0.13 to 3e5 and the network then settles dead, all finite: caught by the blow-up rule.
  test('spotlight: learning rate 10', async ({ page }) => {
    await openLab(page, '?lab=spotlight&preset=tanh-vs-isotropic&lr=10');
    await expectCaught(page, ['W1', 'b1', 'W2', 'W4']);
  });

  test('intertwiner: learning rate 10', async ({ page }) => {
    await openLab(page, '?lab=intertwiner&preset=relu-vs-isotropic&lr=10');
    await expectCaught(page, ['p0', 'p1', 'p2']);
  });

  test('bias: learning rate 10 (the loss jumps from 1.4 to 6e7)', async ({ page }) => {
    await openLab(page, '?lab=bias&preset=easy-vs-hard&lr=10');
    await expectCaught(page, ['W1', 'W2', 'W3', 'W4']);
  });

  // Adam moves every weight by ~10 on the first step: the loss jumps from ~2 to ~3e5 by step 2, all finite.
  test('pca: learning rate 10 (the loss jumps by five decades)', async ({ page }) => {
    await openLab(page, '?lab=pca&preset=top-3&lr=10');
    await expectCaught(page, ['W1', 'W2']);
  });
});
