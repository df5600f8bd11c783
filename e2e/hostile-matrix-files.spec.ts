/**
 * The spotlight import panel against hostile and huge activation files: each gets its own message,
 * the loaded file and its analysis stay as they were, and the page never freezes (everything runs
 * in the import worker).
 */
import { expect, test, type Page } from '@playwright/test';
import { closeSync, ftruncateSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { longestFrameGap, openLab } from './helpers';

function npy(header: string, body: Buffer): Buffer {
  let h = header;
  while ((10 + h.length + 1) % 64) h += ' ';
  h += '\n';
  const pre = Buffer.alloc(10);
  pre.write('\x93NUMPY', 0, 'latin1');
  pre[6] = 1;
  pre.writeUInt16LE(h.length, 8);
  return Buffer.concat([pre, Buffer.from(h, 'latin1'), body]);
}
const header = (descr: string, shape: string, fortran = false) =>
  `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': ${shape}, }`;
const f4 = (values: number[]) => Buffer.from(new Float32Array(values).buffer);

const CASES: Array<[string, Buffer, RegExp]> = [
  ['bad-magic.npy', Buffer.from('NOTNUMPY-at-all-000000000000'), /bad-magic\.npy: not a \.npy file/],
  ['truncated.npy', npy(header('<f4', '(10, 4)'), f4([1, 2, 3])), /truncated\.npy: \.npy file is truncated: shape \(10, 4\)/],
  ['complex.npy', npy(header('<c16', '(2, 2)'), Buffer.alloc(64)), /complex\.npy: \.npy dtype "<c16" is not supported/],
  ['fortran.npy', npy(header('<f4', '(2, 2)', true), f4([1, 2, 3, 4])), /fortran\.npy: \.npy array is in Fortran order/],
  [
    'huge-shape.npy',
    npy(header('<f4', '(1000000000, 4)'), f4([1, 2, 3, 4])),
    /huge-shape\.npy: \.npy file is truncated: shape \(1000000000, 4\)/,
  ],
  ['scalar.npy', npy(header('<f4', '()'), f4([1])), /scalar\.npy: \.npy array has 0 dimensions/],
  ['cube.npy', npy(header('<f4', '(2, 2, 2)'), f4([1, 2, 3, 4, 5, 6, 7, 8])), /cube\.npy: \.npy array has 3 dimensions/],
  ['bad-header.npy', npy("{'descr': <f4 shape 2", f4([1, 2, 3, 4])), /bad-header\.npy: \.npy header is malformed/],
  ['inf.npy', npy(header('<f4', '(2, 2)'), f4([1, Infinity, 3, 4])), /inf\.npy: activations row 1, column 2 is Infinity/],
  ['junk.csv', Buffer.from('a,b,c\nx,y,z\n'), /junk\.csv: CSV line 2, column 1: "x" is not a number/],
  ['nan.csv', Buffer.from('1,2\n3,NaN\n'), /nan\.csv: activations row 2, column 2 is NaN/],
  ['ragged.csv', Buffer.from('1,2,3\n4,5\n'), /ragged\.csv: CSV line 2 has 2 values; the lines before have 3/],
  ['empty.csv', Buffer.from(''), /empty\.csv: CSV file has no rows of numbers/],
  ['binary.csv', Buffer.from([0, 1, 2, 255, 254, 0, 10, 13]), /binary\.csv: binary data that is neither \.npy nor text/],
  ['one-column.csv', Buffer.from('1\n2\n3\n'), /one-column\.csv: activations have 1 column; SRM needs at least 2 units/],
  [
    'script<img src=x onerror=__pwned=1>.csv',
    Buffer.from('<script>__pwned=1</script>\n'),
    /^script<img src=x onerror=__pwned=1>\.csv: CSV /,
  ],
];

const summary = (page: Page) => page.getByTestId('import-summary');

async function loadGood(page: Page, dir: string): Promise<string> {
  const rows = Array.from({ length: 300 }, (_, i) => [Math.cos(i), Math.sin(i), Math.cos(3 * i), 0.5].join(',')).join('\n');
  const path = join(dir, 'good.csv');
  writeFileSync(path, rows);
  await page.getByTestId('import-activations').setInputFiles(path);
  await expect(summary(page)).toContainText('good.csv: 300 × 4, standard basis; mean max');
  return (await summary(page).textContent()) ?? '';
}

test('every hostile activation file is named and explained; the loaded file and its analysis stay', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'matrices-'));
  await openLab(page, '?lab=spotlight&k=4&act2=none&act3=none&act4=none');
  const before = await loadGood(page, dir);
  for (const [name, bytes, message] of CASES) {
    await page.getByTestId('import-activations').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
    await expect(page.getByTestId('import-error'), name).toHaveText(message);
    await expect(summary(page), name).toHaveText(before);
  }
  // A basis that does not fit the activations changes nothing either.
  await page
    .getByTestId('import-basis')
    .setInputFiles({ name: 'basis-3col.csv', mimeType: 'text/csv', buffer: Buffer.from('1,0,0\n0,1,0\n') });
  await expect(page.getByTestId('import-error')).toHaveText(/basis-3col\.csv: basis has 3 columns but the activations have 4/);
  await expect(summary(page)).toHaveText(before);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

test('a file over 256 MB is refused from its size before it is read', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'matrices-'));
  const path = join(dir, 'huge.npy');
  const fd = openSync(path, 'w');
  ftruncateSync(fd, 300 * 1024 * 1024); // sparse: no disk used
  closeSync(fd);
  await openLab(page, '?lab=spotlight&k=4&act2=none&act3=none&act4=none');
  const gap = await longestFrameGap(page, async () => {
    await page.getByTestId('import-activations').setInputFiles(path);
    await expect(page.getByTestId('import-error')).toHaveText('"huge.npy" is 300 MB; the limit is 256 MB.');
  });
  expect(gap).toBeLessThan(1000);
});

test('50,000 × 250 activations (a 50 MB .npy) and a 40 MB CSV: analysed off the page, finite statistics, no frozen frame', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(join(tmpdir(), 'matrices-'));
  const [N, k] = [50_000, 250];
  const values = new Float32Array(N * k);
  let s = 7;
  for (let i = 0; i < values.length; i++) {
    s = (s * 16807) % 2147483647;
    values[i] = s / 2147483647 - 0.5;
  }
  const npyPath = join(dir, 'big.npy');
  writeFileSync(npyPath, npy(header('<f4', `(${N}, ${k})`), Buffer.from(values.buffer)));
  const csvRows: string[] = [];
  for (let r = 0; r < 25_000; r++) csvRows.push(Array.from(values.subarray(r * 200, r * 200 + 200), (v) => v.toFixed(6)).join(','));
  const csvPath = join(dir, 'big.csv');
  writeFileSync(csvPath, csvRows.join('\n'));

  await openLab(page, '?lab=spotlight&k=4&act2=none&act3=none&act4=none');
  const gap = await longestFrameGap(page, async () => {
    await page.getByTestId('import-activations').setInputFiles(npyPath);
    await expect(summary(page)).toContainText('big.npy: 50000 × 250, standard basis', { timeout: 60_000 });
    await expect(summary(page)).toContainText(
      /mean max \|bᵢ·â\| 0\.\d{3}, rotation null 0\.\d{3} \[0\.\d{3}, 0\.\d{3}\], z -?\d+\.\d on \d+ evenly spaced rows/,
      { timeout: 120_000 },
    );
    await page.getByTestId('import-activations').setInputFiles(csvPath);
    await expect(summary(page)).toContainText('big.csv: 25000 × 200, standard basis', { timeout: 60_000 });
    await expect(summary(page)).toContainText(/mean max \|bᵢ·â\| 0\.\d{3}/, { timeout: 120_000 });
  });
  expect(await summary(page).textContent()).not.toContain('NaN');
  expect(gap).toBeLessThan(1000);
});
