import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { analyseImportFiles, type NamedBytes } from './import-files';
import { analyseImport } from './import-analysis';
import { fixtureFiles } from './fixtures';
import { parseCsv } from '../../data/npy';

const DIR = join(process.cwd(), 'e2e/fixtures');
const files = fixtureFiles();
const load = (name: string): NamedBytes => {
  const buf = readFileSync(join(DIR, name));
  return { name, bytes: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) };
};
const runner = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', '--import', './scripts/node-hooks.mjs', 'src/cli/run.ts', 'spotlight', ...args], {
    encoding: 'utf8',
  });

describe('import analysis', () => {
  it('the committed e2e fixtures are byte for byte the ones fixtures.ts generates', () => {
    for (const [name, bytes] of Object.entries(files)) {
      const path = join(DIR, name);
      expect(existsSync(path), `${path} is missing: write it from fixtures.ts and commit it`).toBe(true);
      expect(Buffer.compare(readFileSync(path), Buffer.from(bytes))).toBe(0);
    }
  });

  it('analyses the .npy fixture as the runner would: peaks at the axes, anisotropy above its null’s band', () => {
    const res = analyseImportFiles({ activations: load('spotlight-activations.npy'), basis: load('spotlight-basis.npy') });
    expect([res.rows, res.cols, res.basisRows, res.planes]).toEqual([400, 4, 4, 12]);
    expect(res.srm).toHaveLength(360);
    // ±e_i clusters, 1/8 of the rows each: the cone at θ = 0 holds about 1/8; 45° holds nothing.
    expect(res.srm[0]!).toBeGreaterThan(0.1);
    expect(res.srm[0]!).toBeLessThanOrEqual(0.125);
    expect(res.srm[45]!).toBe(0);
    expect(res.srm[90]!).toBeCloseTo(res.srm[0]!, 2);
    // Signed SRM: +e_i and −e_i clusters cancel.
    expect(Math.abs(res.signedSrm[0]!)).toBeLessThan(0.03);
    // ±e_i with 10% noise: mean max|ûᵢ| near 1, far above its rotation null (≈ 0.77 in k = 4).
    expect(res.anisotropy.value).toBeGreaterThan(0.95);
    expect(res.anisotropy.value).toBeGreaterThan(res.anisotropy.nullHigh);
    expect(res.anisotropy.nullMean).toBeGreaterThan(0.7);
    expect(res.anisotropy.nullMean).toBeLessThan(0.85);
    expect(res.anisotropy.z).toBeGreaterThan(3);
    expect(res.srmSd).toHaveLength(360);
    expect(res.pppm.kept).toBeGreaterThan(150);
    expect(Math.max(...res.pppm.ratio.filter((v): v is number => v !== null))).toBeGreaterThan(3);
  });

  it('reads the CSV fixture and the default (standard) basis', () => {
    const res = analyseImportFiles({ activations: load('spotlight-activations.csv') }, { epsilon: '0.8' });
    expect([res.rows, res.cols, res.basisGiven, res.epsilon]).toEqual([40, 4, false, 0.8]);
    expect(res.srm[0]!).toBeGreaterThan(0.08);
  });

  it('refuses corrupted, mismatched or malformed input with a precise message', () => {
    expect(() => analyseImportFiles({ activations: load('spotlight-corrupt.npy') })).toThrow(
      /spotlight-corrupt\.npy: \.npy file is truncated: shape \(400, 4\) of float32 needs 6400 bytes of data, 6300 present/,
    );
    expect(() => analyseImportFiles({ activations: load('spotlight-activations.npy'), basis: load('spotlight-basis-3col.npy') })).toThrow(
      /basis has 3 columns but the activations have 4/,
    );
    expect(() => analyseImportFiles({ activations: load('spotlight-activations.npy') }, { epsilon: '2' })).toThrow(
      /--epsilon must be in \(0, 1\]/,
    );
    expect(() => analyseImport(parseCsv('1,nan\n2,3'), null)).toThrow(/row 1, column 2 is NaN/);
    // A 2 × 2000 file (16 KB) would take ~30 s on the main thread: refused at once.
    const wide = { rows: 2, cols: 2000, data: new Float64Array(4000).fill(1) };
    const t0 = performance.now();
    expect(() => analyseImport(wide, null)).toThrow(/2000 columns; at most 512/);
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('runs from the runner: `--activations a.npy --basis b.npy` analyses, bad files exit 2 with the reason', () => {
    const ok = runner(
      '--activations',
      join(DIR, 'spotlight-activations.npy'),
      '--basis',
      join(DIR, 'spotlight-basis.npy'),
      '--epsilon',
      '0.9',
    );
    expect(ok.status).toBe(0);
    const result = JSON.parse(ok.stdout);
    expect(result).toMatchObject({ lab: 'spotlight', mode: 'import', options: { epsilon: '0.9' } });
    expect(result.metrics.srm).toHaveLength(360);
    expect(result.metrics.anisotropy.value).toBeGreaterThan(result.metrics.anisotropy.nullHigh);
    const corrupt = runner('--activations', join(DIR, 'spotlight-corrupt.npy'));
    expect(corrupt.status).toBe(2);
    expect(corrupt.stderr).toMatch(/spotlight-corrupt\.npy: \.npy file is truncated/);
    const missing = runner('--activations', join(DIR, 'missing.npy'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
    const orphan = runner('--basis', join(DIR, 'spotlight-basis.npy'));
    expect(orphan.status).toBe(2);
  });
});
