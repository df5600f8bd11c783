import { describe, expect, it } from 'vitest';
import { decodeMnist, encodeMnist, mnistImages, MNIST_ASSET } from './mnist';
import { readAsset } from '../cli/node-context';

describe('MNIST asset', () => {
  it('round-trips and rejects truncated or foreign files', () => {
    const bytes = encodeMnist({
      count: 2,
      width: 2,
      height: 2,
      labels: new Uint8Array([3, 7]),
      pixels: new Uint8Array([0, 255, 51, 102, 1, 2, 3, 4]),
    });
    const back = decodeMnist(bytes.buffer as ArrayBuffer);
    expect(back.count).toBe(2);
    expect(Array.from(back.labels)).toEqual([3, 7]);
    expect(Array.from(mnistImages(back, 0, 1))).toEqual(Array.from(new Float32Array([0, 1, 0.2, 0.4])));
    expect(() => decodeMnist(bytes.slice(0, 20).buffer)).toThrow(/header promises/);
    const foreign = bytes.slice();
    foreign[0] = 0x50;
    expect(() => decodeMnist(foreign.buffer)).toThrow(/signature/);
  });

  it('the built asset holds ~10,000 real 28×28 digits of every class', async () => {
    const data = decodeMnist(await readAsset(MNIST_ASSET));
    expect(data.width).toBe(28);
    expect(data.count).toBeGreaterThan(9000);
    const perClass = new Array(10).fill(0);
    for (const l of data.labels.subarray(0, 1000)) perClass[l]++;
    for (const c of perClass) expect(c).toBeGreaterThan(50);
    const img = mnistImages(data, 0, 1);
    const ink = img.reduce((a, b) => a + b, 0);
    expect(ink).toBeGreaterThan(30);
    expect(ink).toBeLessThan(400);
  });
});
