import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentStep, longestFrameGap, openLab, pauseAndSettle } from './helpers';

interface RunFacts {
  url: string;
  step: number;
  params: string;
  W: number[];
}

const runFacts = (page: Page) =>
  page.evaluate((): RunFacts => {
    const s = (
      window as unknown as {
        geometryLab: { state(): { params: unknown; snapshot: { step: number; weights: Record<string, { data: Float32Array }> } | null } };
      }
    ).geometryLab.state();
    return {
      url: location.href,
      step: s.snapshot?.step ?? -1,
      params: JSON.stringify(s.params),
      W: Array.from(s.snapshot?.weights.W?.data ?? []),
    };
  });

const good = {
  lab: 'superposition',
  params: { n: 5, m: 2, sparsity: 0.9, importance: 1, batch: 1024, lr: 0.01, seed: 1 },
  step: 700,
  loss: 0.02,
  tensors: {
    W: { shape: [1, 2, 5], data: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] },
    b: { shape: [1, 1, 5], data: [0, 0, 0, 0, 0] },
  },
};
const json = (body: unknown) => Buffer.from(JSON.stringify(body));
const withTensors = (tensors: unknown) => json({ ...good, tensors });

const SNAPSHOT_CASES: Array<[string, Buffer, RegExp]> = [
  ['malformed.json', Buffer.from('{"lab": "superposition", '), /"malformed\.json" is not JSON/],
  ['truncated.json', json(good).subarray(0, 150), /"truncated\.json" is not JSON/],
  ['binary.json', Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 0, 1, 2]), /"binary\.json" is not JSON/],
  ['empty.json', Buffer.from(''), /"empty\.json" is not JSON/],
  ['not-a-snapshot.json', json({ hello: 'world' }), /not a Geometry Lab snapshot: lab/],
  ['array.json', json([1, 2, 3]), /not a Geometry Lab snapshot/],
  ['other-lab.json', json({ ...good, lab: 'bows' }), /bows has no parameter "n"|parameter \w+ is missing/],
  ['unknown-lab.json', json({ ...good, lab: '<img src=x onerror=window.__pwned=1>' }), /unknown lab/],
  ['proto.json', Buffer.from('{"__proto__": {"polluted": 1}, "lab": "superposition"}'), /not a Geometry Lab snapshot/],
  ['no-tensors.json', withTensors({}), /weight W is missing/],
  ['no-b.json', withTensors({ W: good.tensors.W }), /weight b is missing/],
  [
    'other-n.json',
    withTensors({ W: { shape: [1, 2, 6], data: Array(12).fill(0.1) }, b: { shape: [1, 1, 6], data: Array(6).fill(0) } }),
    /shape \[1, 2, 6\], but these parameters need \[1, 2, 5\]/,
  ],
  ['transposed.json', withTensors({ ...good.tensors, W: { shape: [1, 5, 2], data: good.tensors.W.data } }), /shape \[1, 5, 2\]/],
  [
    'null.json',
    withTensors({ ...good.tensors, b: { shape: [1, 1, 5], data: [0, null, 0, 0, 0] } }),
    /not a finite float32 \(null at index 1\)/,
  ],
  [
    'overflow.json',
    withTensors({ ...good.tensors, W: { shape: [1, 2, 5], data: [1e39, 0, 0, 0, 0, 0, 0, 0, 0, 0] } }),
    /not a finite float32/,
  ],
  [
    'huge.json',
    withTensors({ ...good.tensors, W: { shape: [1, 2, 5], data: [0, 0, 0, 0, 0, 0, 0, 0, 0, -1e308] } }),
    /not a finite float32/,
  ],
  ['bad-param.json', json({ ...good, params: { ...good.params, n: 1e9 } }), /n="1000000000" is outside \[2, 64\]/],
  ['hex-param.json', json({ ...good, params: { ...good.params, lr: '0x1' } }), /lr="0x1" is not a number\./],
];

test('every bad snapshot file gets a clear message and changes nothing; the page never freezes', async ({ page }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openLab(page, '?lab=superposition&preset=pentagon&seed=2');
  await page.getByTestId('play').click();
  await expect.poll(() => currentStep(page)).toBeGreaterThan(200);
  await pauseAndSettle(page);
  const before = await runFacts(page);
  const input = page.getByTestId('import-snapshot');
  for (const [name, buffer, message] of SNAPSHOT_CASES) {
    await input.setInputFiles({ name, mimeType: 'application/json', buffer });
    await expect(page.getByTestId('notice-error').filter({ hasText: name }).last(), name).toContainText(message);
    await expect(page.getByTestId('notice-error').filter({ hasText: name }).last()).toContainText('Nothing was changed');
    expect(await runFacts(page), name).toEqual(before);
  }
  // Over the limit: refused from its size, before anything reads it.
  const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  const big = join(dir, 'big.json');
  writeFileSync(big, Buffer.alloc(65 * 1024 * 1024, 0x20));
  const gapBig = await longestFrameGap(page, async () => {
    await input.setInputFiles(big);
    await expect(page.getByTestId('notice-error').filter({ hasText: 'big.json' })).toContainText(
      /"big\.json" is 65 MB; the limit is 64 MB/,
      { timeout: 30_000 },
    );
  });
  // A 40 MB file under the limit is parsed in the file worker: the page keeps drawing.
  const zeros = `{"lab":"superposition","params":{},"step":1,"tensors":{"W":{"shape":[1],"data":[${'0,'.repeat(20_000_000)}0]}}}`;
  const forty = join(dir, 'forty.json');
  writeFileSync(forty, zeros);
  const gapParse = await longestFrameGap(page, async () => {
    await input.setInputFiles(forty);
    await expect(page.getByTestId('notice-error').filter({ hasText: 'forty.json' })).toBeVisible({ timeout: 60_000 });
  });
  expect(await runFacts(page)).toEqual(before);
  expect(gapParse, 'longest frame gap while a 40 MB file was parsed (ms)').toBeLessThan(1000);
  expect(gapBig).toBeLessThan(1000);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(errors).toEqual([]);
});
