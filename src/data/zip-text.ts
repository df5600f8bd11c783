/**
 * The text files of a .zip archive, read with the platform's raw-deflate decompressor: the central
 * directory is parsed first, and the declared sizes are checked against a limit before anything is
 * inflated (an inflated entry may not exceed its declared size either). Stored and deflated entries
 * only; no ZIP64, no encryption. Pure apart from DecompressionStream.
 */

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export const isZipName = (name: string): boolean => /\.zip$/i.test(name);
export const isTextName = (name: string): boolean => /\.txt$/i.test(name) && !/(^|\/)(__MACOSX\/|\.)/.test(name);

/** The archive's entries, from its central directory; throws with a reason on anything malformed. */
export function zipEntries(buf: ArrayBuffer): ZipEntry[] {
  const view = new DataView(buf);
  const n = buf.byteLength;
  let eocd = -1;
  for (let p = n - 22; p >= Math.max(0, n - 22 - 65535); p--) {
    if (view.getUint32(p, true) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new Error('is not a zip archive');
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new Error('is a ZIP64 archive, which is not supported');
  if (dirOffset + dirSize > n) throw new Error('has a truncated central directory');
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || view.getUint32(p, true) !== CENTRAL) throw new Error('has a malformed central directory');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const offset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen > n) throw new Error('has a malformed central directory');
    const name = new TextDecoder().decode(new Uint8Array(buf, p + 46, nameLen));
    if (flags & 1) throw new Error(`holds an encrypted entry (${JSON.stringify(name.slice(0, 60))})`);
    entries.push({ name, method, compressedSize, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The .txt entries; throws when their declared sizes exceed `maxBytes` in all. */
export function zipTextEntries(buf: ArrayBuffer, maxBytes: number): ZipEntry[] {
  const texts = zipEntries(buf).filter((e) => isTextName(e.name) && !e.name.endsWith('/'));
  const total = texts.reduce((s, e) => s + e.size, 0);
  if (total > maxBytes)
    throw new Error(`holds ${(total / 1024 / 1024).toFixed(0)} MB of text; the limit is ${(maxBytes / 1024 / 1024).toFixed(0)} MB`);
  for (const e of texts)
    if (e.method !== 0 && e.method !== 8)
      throw new Error(`compresses ${JSON.stringify(e.name.slice(0, 60))} with method ${e.method} (only stored or deflated)`);
  return texts;
}

async function inflateRaw(data: Uint8Array<ArrayBuffer>, limit: number): Promise<Uint8Array> {
  const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error('inflates beyond its declared size');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The .txt files of an archive, named `archive.zip/path.txt`. */
export async function unzipTextFiles(
  name: string,
  buf: ArrayBuffer,
  maxBytes: number,
): Promise<Array<{ name: string; bytes: ArrayBuffer }>> {
  const view = new DataView(buf);
  const out: Array<{ name: string; bytes: ArrayBuffer }> = [];
  for (const e of zipTextEntries(buf, maxBytes)) {
    if (e.offset + 30 > buf.byteLength || view.getUint32(e.offset, true) !== LOCAL)
      throw new Error(`has a malformed entry ${JSON.stringify(e.name.slice(0, 60))}`);
    const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
    if (start + e.compressedSize > buf.byteLength) throw new Error(`has a truncated entry ${JSON.stringify(e.name.slice(0, 60))}`);
    const data = new Uint8Array(buf, start, e.compressedSize);
    const bytes = e.method === 0 ? data.slice() : await inflateRaw(data, e.size);
    out.push({
      name: `${name}/${e.name}`,
      bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    });
  }
  return out;
}
