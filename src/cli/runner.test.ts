import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LABS } from '../labs/registry';
import { superpositionLab } from '../labs/superposition';
import { parseArgs, UsageError } from './args';
import { runLab } from './runner';

const preset = (name: string) => {
  const opts = parseArgs(['superposition', '--preset', name], LABS);
  return runLab({ lab: superpositionLab, params: opts.params, steps: opts.steps, preset: name });
};

describe('superposition runner', () => {
  it('pentagon: five features at D = 2/5 with unit-ish norms', async () => {
    const result = await preset('pentagon');
    const { dimensionality, norms } = result.metrics as { dimensionality: number[]; norms: number[] };
    expect(result.steps).toBe(3000);
    expect(dimensionality).toHaveLength(5);
    for (const d of dimensionality) expect(Math.abs(d - 0.4)).toBeLessThanOrEqual(0.05);
    expect(superpositionLab.effect.holds(result.metrics)).toBe(true); // the bench's time-to-effect test
    for (const n of norms) {
      expect(n).toBeGreaterThanOrEqual(0.8);
      expect(n).toBeLessThanOrEqual(1.2);
    }
    const W = result.snapshot.W as number[][];
    expect(W).toHaveLength(2);
    expect(W[0]).toHaveLength(5);
    expect(result.loss.at(-1)![1]).toBeLessThan(result.loss[0]![1]);
  });

  it('dense: only the two most important features, each with its own dimension', async () => {
    const result = await preset('dense');
    const d = (result.metrics as { dimensionality: number[] }).dimensionality;
    expect(Math.abs(d[0]! - 1)).toBeLessThanOrEqual(0.05);
    expect(Math.abs(d[1]! - 1)).toBeLessThanOrEqual(0.05);
    for (const rest of d.slice(2)) expect(rest).toBeLessThanOrEqual(0.05);
  });

  it('digons: features pair up antipodally at D = 1/2', async () => {
    const result = await preset('digons');
    const d = (result.metrics as { dimensionality: number[] }).dimensionality;
    const halves = d.filter((v) => Math.abs(v - 0.5) < 0.05);
    expect(halves.length).toBeGreaterThanOrEqual(4);
  });
});

describe('runner arguments', () => {
  it('rejects unknown labs, flags, presets and out-of-range values', () => {
    expect(() => parseArgs([], LABS)).toThrow(UsageError);
    expect(() => parseArgs(['nolab'], LABS)).toThrow(/unknown lab/);
    expect(() => parseArgs(['superposition', '--bogus', '1'], LABS)).toThrow(/unknown flag/);
    expect(() => parseArgs(['superposition', '--preset', 'x'], LABS)).toThrow(/unknown preset/);
    expect(() => parseArgs(['superposition', '--n', '1000'], LABS)).toThrow(/outside/);
    expect(() => parseArgs(['superposition', '--steps', '-4'], LABS)).toThrow(/steps/);
    expect(() => parseArgs(['superposition', '--n'], LABS)).toThrow(/needs a value/);
  });

  it('treats __proto__ and constructor as unknown flags, and refuses repeats, hex and junk', () => {
    expect(() => parseArgs(['superposition', '--__proto__', '1'], LABS)).toThrow(/unknown flag --__proto__/);
    expect(() => parseArgs(['superposition', '--constructor', '1'], LABS)).toThrow(/unknown flag --constructor/);
    expect(() => parseArgs(['superposition', '--toString', '1'], LABS)).toThrow(/unknown flag --toString/);
    expect(() => parseArgs(['superposition', '--n', '5', '--n', '6'], LABS)).toThrow(/--n is given twice/);
    expect(() => parseArgs(['superposition', '--n', '0x10'], LABS)).toThrow(/--n "0x10" is not a finite decimal number$/);
    expect(() => parseArgs(['superposition', '--lr', '0b11'], LABS)).toThrow(/not a finite decimal number/);
    expect(() => parseArgs(['superposition', '--steps', '0x10'], LABS)).toThrow(/--steps "0x10" must be a whole number/);
    expect(() => parseArgs(['superposition', '--backend', 'webgpu'], LABS)).toThrow(/--backend "webgpu" must be one of wasm, cpu/);
    expect(() => parseArgs(['superposition', '-n', '5'], LABS)).toThrow(/expected --flag/);
    // The runner's own wording: no "using 64", since it refuses rather than clamps.
    expect(() => parseArgs(['superposition', '--n', '1e9'], LABS)).toThrow(/^--n "1e9" is outside \[2, 64\]$/);
    expect(parseArgs(['superposition', '--n', '7'], LABS).params.n).toBe(7);
  });

  it('checks the whole set against the lab’s schema: a preset out of bounds is refused', () => {
    const broken = { ...superpositionLab, presets: [{ name: 'bad', description: 'n out of bounds', params: { n: 65 } }] };
    expect(() => parseArgs(['superposition', '--preset', 'bad'], [broken])).toThrow(/these parameters are not valid: n: Too big/);
    expect(() => parseArgs(['superposition', '--preset', 'bad', '--n', '6'], [broken])).not.toThrow();
  });

  it('checks --out before training: a missing directory, a directory, an empty name', () => {
    expect(() => parseArgs(['superposition', '--out', '/nonexistent/dir/x.json'], LABS)).toThrow(
      /directory "\/nonexistent\/dir" does not exist/,
    );
    expect(() => parseArgs(['superposition', '--out', tmpdir()], LABS)).toThrow(/is a directory/);
    expect(() => parseArgs(['superposition', '--out', ' '], LABS)).toThrow(/needs a file name/);
    const ok = join(mkdtempSync(join(tmpdir(), 'lab-')), 'r.json');
    expect(parseArgs(['superposition', '--out', ok], LABS).out).toBe(ok);
  });

  it('exits 2 at once with "error:" and the usage, never a stack trace, for a bad --out', () => {
    const started = Date.now();
    const bad = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        './scripts/node-hooks.mjs',
        'src/cli/run.ts',
        'superposition',
        '--steps',
        '100000',
        '--out',
        '/nonexistent/dir/x.json',
      ],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^error: --out "\/nonexistent\/dir\/x.json": the directory/);
    expect(bad.stderr).toMatch(/usage: npm run lab/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(bad.stderr).not.toMatch(/^step /m);
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('exits 2 with a usage message on bad arguments, and writes the result file otherwise', () => {
    const bad = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--import', './scripts/node-hooks.mjs', 'src/cli/run.ts', 'superposition', '--n', 'x'],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/usage: npm run lab/);
    const out = join(mkdtempSync(join(tmpdir(), 'lab-')), 'r.json');
    execFileSync(process.execPath, [
      '--import',
      'tsx',
      '--import',
      './scripts/node-hooks.mjs',
      'src/cli/run.ts',
      'superposition',
      '--preset',
      'pentagon',
      '--steps',
      '200',
      '--out',
      out,
    ]);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(result).toMatchObject({ lab: 'superposition', steps: 200, backend: 'wasm' });
    expect(result.metrics.norms).toHaveLength(5);
    expect(result.metrics.dimensionality).toHaveLength(5);
    expect(typeof result.metrics.dimsPerFeature).toBe('number');
    expect(result.snapshot.W).toHaveLength(2);
  });
});
