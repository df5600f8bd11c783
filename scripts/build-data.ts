/**
 * `npm run data`: builds every generated data asset into public/data/. Each builder is a module in
 * scripts/data/ exporting `outputs` (file names) and `build(dataDir)`; a builder whose outputs
 * exist and are newer than its own source is skipped.
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface Builder {
  outputs: readonly string[];
  build(dataDir: string): Promise<void>;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'public', 'data');
const buildersDir = join(root, 'scripts', 'data');

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  const force = process.argv.includes('--force');
  const files = existsSync(buildersDir) ? readdirSync(buildersDir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')) : [];
  for (const file of files.sort()) {
    const source = join(buildersDir, file);
    const builder = (await import(pathToFileURL(source).href)) as Builder;
    const outputs = builder.outputs.map((o) => join(dataDir, o));
    const fresh = outputs.every((o) => existsSync(o) && statSync(o).mtimeMs >= statSync(source).mtimeMs);
    if (fresh && !force) continue;
    const t0 = Date.now();
    await builder.build(dataDir);
    process.stderr.write(`data: ${file} → ${builder.outputs.join(', ')} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
