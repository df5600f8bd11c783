import { describe, expect, it } from 'vitest';
import { unzipTextFiles, zipEntries, zipTextEntries } from './zip-text';
import { makeZip } from './zip-test-kit';

const decode = (b: ArrayBuffer) => new TextDecoder().decode(b);

describe('zip text files', () => {
  it('reads stored and deflated .txt entries and skips everything else', async () => {
    const zip = makeZip([
      { name: 'a.txt', text: 'In January it snowed.\n\nIn February too.' },
      { name: 'dir/b.TXT', text: 'plain stored text', method: 0 },
      { name: 'image.png', text: 'not text' },
      { name: '__MACOSX/._a.txt', text: 'resource fork' },
    ]);
    expect(zipEntries(zip)).toHaveLength(4);
    const files = await unzipTextFiles('corpus.zip', zip, 1 << 20);
    expect(files.map((f) => f.name)).toEqual(['corpus.zip/a.txt', 'corpus.zip/dir/b.TXT']);
    expect(decode(files[0]!.bytes)).toBe('In January it snowed.\n\nIn February too.');
    expect(decode(files[1]!.bytes)).toBe('plain stored text');
  });

  it('refuses a non-zip, text declared over the limit before inflating, and an entry that inflates past its declared size', async () => {
    expect(() => zipEntries(new TextEncoder().encode('just text, no archive').buffer)).toThrow(/not a zip archive/);
    const big = makeZip([{ name: 'big.txt', text: 'x', declare: 300 * 1024 * 1024 }]);
    expect(() => zipTextEntries(big, 200 * 1024 * 1024)).toThrow(/holds 300 MB of text; the limit is 200 MB/);
    const liar = makeZip([{ name: 'bomb.txt', text: 'y'.repeat(100_000), declare: 10 }]);
    await expect(unzipTextFiles('bomb.zip', liar, 1 << 20)).rejects.toThrow(/beyond its declared size/);
  });
});
