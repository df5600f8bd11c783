import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { makeZip } from '../src/data/zip-test-kit';
import { currentStep, openLab } from './helpers';

test('bows small-vocab: train, hover WᵀW, search the map, edit the cycle list', async ({ page }, info) => {
  const started = Date.now();
  await openLab(page, '?lab=bows&preset=small-vocab');
  info.annotations.push({ type: 'load-to-ready-ms', description: String(Date.now() - started) });
  await page.getByTestId('play').click();
  await expect.poll(() => currentStep(page), { timeout: 45_000 }).toBeGreaterThanOrEqual(150);
  await page.getByTestId('play').click();

  // Read-outs are numbers: precision / recall in [0, 1], a PMI correlation.
  await expect(page.getByTestId('precision')).toHaveText(/^[01]\.\d{3}$/);
  await expect(page.getByTestId('lambda')).toHaveText('1');
  const r = Number(await page.getByTestId('pmi-correlation').textContent());
  expect(r).toBeGreaterThan(0);

  // Hover a heatmap cell: the read-out names two words and their W·W.
  const gram = page.getByTestId('gram-svg');
  const box = (await gram.boundingBox())!;
  await page.mouse.move(box.x + 10 + 170, box.y + 10 + 60);
  await expect(page.getByTestId('gram-hover')).toHaveText(/^\S+ · \S+ = -?\d+\.\d{3}$/);
  // The centre of diagonal cell 150 (of 200, 1.7 view units a side, from (10, 10)) reads one word
  // with itself, in the page and with the view alone and larger (Focus): the pointer is mapped
  // into the SVG's own units, however the view is scaled or letterboxed.
  for (const focused of [false, true]) {
    if (focused) await page.getByTestId('focus-bows-gram').click();
    const at = await gram.evaluate((svg: SVGSVGElement) => {
      const p = new DOMPoint(10 + 150.5 * 1.7, 10 + 150.5 * 1.7).matrixTransform(svg.getScreenCTM()!);
      return { x: p.x, y: p.y };
    });
    await page.mouse.move(at.x, at.y);
    await expect(page.getByTestId('gram-hover')).toHaveText(/^(\S+) · \1 = \d+\.\d{3}$/);
    if (focused) await page.getByTestId('focus-bows-gram').click();
  }

  // Point at a pair of the PMI scatter (1,500 pairs drawn as one path: the centre of its first dot,
  // mapped to the page; the middle of the view may hold no dot): the pair under the pointer is read out.
  await expect(page.getByTestId('pmi-readout')).toHaveText(/^\d+ pairs: point at one to read it$/);
  const points = page.getByTestId('pmi-points');
  await expect(async () => {
    const at = await points.evaluate((path: SVGPathElement) => {
      const m = /^M(-?[\d.]+) (-?[\d.]+)a([\d.]+) /.exec(path.getAttribute('d') ?? '');
      if (!m) return null;
      const p = new DOMPoint(Number(m[1]) + Number(m[3]), Number(m[2])).matrixTransform(path.getScreenCTM()!);
      return { x: p.x, y: p.y };
    });
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x, at!.y);
    await expect(page.getByTestId('pmi-readout')).toHaveText(/^\S+ \+ \S+: PMI -?\d+\.\d{2}, W·W -?\d+\.\d{3}$/, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  // The map's word under the pointer is named the same way (its dots are paths too).
  const map = (await page.getByTestId('view-bows-map').locator('svg').first().boundingBox())!;
  let named = false;
  for (const [dx, dy] of [
    [0, 0],
    [12, 0],
    [0, 12],
    [-12, 0],
    [0, -12],
    [24, 24],
    [-24, -24],
  ] as const) {
    await page.mouse.move(map.x + map.width / 2 + dx, map.y + (map.height - 22) / 2 + dy);
    if ((await page.getByTestId('map-hover').count()) > 0) {
      named = true;
      break;
    }
  }
  expect(named).toBe(true);
  await expect(page.getByTestId('map-hover')).toHaveText(/^\S+$/);

  // Search a word on the map.
  await page.getByTestId('map-search').fill('church');
  await expect(page.getByTestId('map-search-result')).toHaveText(/^church \(#\d+\)$/);
  await expect(page.getByTestId('map-match')).toHaveCount(1);
  // Pointing at the found word names it, also with the map shown alone and drawn larger (Focus).
  for (const focused of [false, true]) {
    if (focused) await page.getByTestId('focus-bows-map').click();
    const ring = (await page.getByTestId('map-match').locator('circle').boundingBox())!;
    if (focused) expect(ring.width).toBeGreaterThan(15); // drawn larger than its 14 view units
    await page.mouse.move(ring.x + ring.width / 2, ring.y + ring.height / 2);
    await expect(page.getByTestId('map-hover')).toHaveText('church');
    if (focused) await page.getByTestId('focus-bows-map').click();
  }
  await page.getByTestId('map-search').fill('zzqx');
  await expect(page.getByTestId('map-search-result')).toHaveText('"zzqx" is not in the vocabulary');

  // UMAP runs off the main thread on demand and replaces the PCA map.
  await page.getByTestId('run-umap').click();
  await expect(page.getByTestId('view-bows-map').locator('h3')).toHaveText(/UMAP/, { timeout: 30_000 });
  await expect(page.getByTestId('map-match')).toHaveCount(0);
  await page.getByTestId('map-search').fill('people');
  await expect(page.getByTestId('map-match')).toHaveCount(1);

  // Edit the cycle list: five known words and one unknown.
  await page.getByTestId('cycle-input').fill('one, two, three, time, people, zzqx');
  await expect(page.getByTestId('cycle-status')).toContainText('5 of 6 in the vocabulary (missing: zzqx)');
  await expect(page.getByTestId('cycle-point')).toHaveCount(5);
  await expect(page).toHaveURL(/view_cycle=/);
  await page.screenshot({ path: 'e2e-artifacts/bows-small-vocab.png', fullPage: true });

  // Words typed into `forced words` enter the vocabulary (the run restarts on them); markup is refused by the codec.
  await page.getByTestId('param-force').fill('Thanksgiving');
  await page.getByTestId('param-force').press('Enter');
  await expect(page).toHaveURL(/force=Thanksgiving/);
  await expect.poll(() => currentStep(page), { timeout: 30_000 }).toBe(0);
  await page.getByTestId('map-search').fill('Thanksgiving');
  await expect(page.getByTestId('map-search-result')).toHaveText(/^Thanksgiving \(#\d+\)$/, { timeout: 30_000 });
  info.annotations.push({ type: 'pmi-correlation', description: String(r) });
});

test('bows on your own text: a .txt is tokenised and windowed in the worker and trained on; empty and binary files change nothing', async ({
  page,
}) => {
  await openLab(page, '?lab=bows&preset=small-vocab&vocab=50&m=8&window=3');
  const input = page.getByTestId('bows-own-files');

  // An empty file is refused from its size, before anything is read.
  await input.setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  await expect(page.getByTestId('bows-own-error')).toContainText('"empty.txt" is empty. Nothing was changed.');
  // A binary file is read in the worker and refused there; the Brown run stays.
  await input.setInputFiles({ name: 'photo.txt', mimeType: 'text/plain', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3, 4]) });
  await expect(page.getByTestId('notice-error').filter({ hasText: 'photo.txt' }).last()).toContainText('is not text');
  await expect(page.getByTestId('param-data')).toHaveValue('brown');

  // The bundled fixture: 36 paragraphs that name the months in order.
  await input.setInputFiles(resolve('src/labs/bows/fixtures/months.txt'));
  await expect(page.getByTestId('param-data')).toHaveValue('own');
  await expect(page.getByTestId('bows-own-summary')).toContainText('months.txt: 36 paragraphs', { timeout: 30_000 });
  await expect(page.getByTestId('bows-own-summary')).toContainText('34 windows');
  await page.getByTestId('play').click();
  await expect.poll(() => currentStep(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(50);
  await page.getByTestId('play').click();
  await expect(page.getByTestId('precision')).toHaveText(/^[01]\.\d{3}$/);

  // A .zip of two copies of the fixture: opened in the worker, two documents of 36 paragraphs.
  const text = readFileSync(resolve('src/labs/bows/fixtures/months.txt'), 'utf8');
  const zip = Buffer.from(
    makeZip([
      { name: 'a.txt', text },
      { name: 'b.txt', text },
    ]),
  );
  await input.setInputFiles({ name: 'texts.zip', mimeType: 'application/zip', buffer: zip });
  await expect(page.getByTestId('bows-own-summary')).toContainText('texts.zip: 72 paragraphs', { timeout: 30_000 });
  await expect(page.getByTestId('bows-own-summary')).toContainText('68 windows');
});

test('ring (synthetic BOWS, λ=6): the twelve features close into a calendar-order ring within 30 s of pressing play', async ({ page }) => {
  await openLab(page, '?lab=bows&preset=ring');
  const score = async () => {
    const m = /cycle order score (\d\.\d\d)/.exec((await page.getByTestId('cycle-status').textContent()) ?? '');
    return m ? Number(m[1]) : 0;
  };
  const started = Date.now();
  await page.getByTestId('play').click();
  await expect.poll(score, { timeout: 30_000, intervals: [250] }).toBeGreaterThanOrEqual(0.9);
  test.info().annotations.push({ type: 'ring-closed-ms', description: String(Date.now() - started) });
});
