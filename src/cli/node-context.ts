import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunContext } from '../engine/lab';
import { createRng } from '../engine/rng';

/** `public/data` of this checkout, where `npm run data` writes the generated assets. */
export const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../public/data');

export async function readAsset(name: string): Promise<ArrayBuffer> {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`bad asset name ${JSON.stringify(name)}`);
  const path = join(DATA_DIR, name);
  if (!existsSync(path)) throw new Error(`data asset ${name} is missing: run \`npm run data\` first`);
  const buf = await readFile(path);
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
}

export function nodeRunContext(seed: number): RunContext {
  return { rng: createRng(seed), loadAsset: readAsset };
}
