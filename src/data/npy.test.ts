import { describe, expect, it } from 'vitest';
import { encodeNpy, MatrixFileError, parseCsv, parseMatrixFile, parseNpy } from './npy';

const m = { rows: 3, cols: 2, data: [1.5, -2, 0.25, 0.0078125, 3, -7.75] };
const ab = (u: Uint8Array) => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

describe('.npy parser', () => {
  it.each(['<f4', '>f4', '<f8', '>f8'] as const)('round-trips %s headers and data (versions 1 and 2)', (dtype) => {
    for (const version of [1, 2] as const) {
      const bytes = encodeNpy(m, { dtype, version });
      // the header block is 64-byte aligned, as NumPy writes it
      const headerEnd = bytes.length - 6 * (dtype.endsWith('4') ? 4 : 8);
      expect(headerEnd % 64).toBe(0);
      const parsed = parseNpy(ab(bytes));
      expect(parsed.dtype).toBe(dtype);
      expect([parsed.rows, parsed.cols]).toEqual([3, 2]);
      expect(Array.from(parsed.data)).toEqual(m.data);
    }
  });

  it('reads a header as NumPy writes it byte for byte (big-endian float64)', () => {
    // np.save of np.array([[1., 2.]], dtype='>f8'), written out by hand
    const header = "{'descr': '>f8', 'fortran_order': False, 'shape': (1, 2), }";
    const padded = header + ' '.repeat(128 - 10 - header.length - 1) + '\n';
    const bytes = new Uint8Array(10 + padded.length + 16);
    bytes.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, padded.length & 0xff, padded.length >> 8]);
    for (let i = 0; i < padded.length; i++) bytes[10 + i] = padded.charCodeAt(i);
    const dv = new DataView(bytes.buffer);
    dv.setFloat64(10 + padded.length, 1, false);
    dv.setFloat64(10 + padded.length + 8, 2, false);
    expect(Array.from(parseNpy(ab(bytes)).data)).toEqual([1, 2]);
  });

  it('rejects truncated files with a precise message', () => {
    const bytes = encodeNpy(m);
    expect(() => parseNpy(ab(bytes.subarray(0, bytes.length - 3)))).toThrow(
      /truncated: shape \(3, 2\) of float32 needs 24 bytes of data, 21 present/,
    );
    expect(() => parseNpy(ab(bytes.subarray(0, 40)))).toThrow(/truncated: the header needs/);
    expect(() => parseNpy(ab(bytes.subarray(0, 8)))).toThrow(MatrixFileError);
  });

  it('rejects other dtypes, Fortran order, non-2-D shapes and non-npy data', () => {
    const withHeader = (h: string) => {
      const bytes = encodeNpy(m);
      const text = new TextDecoder('latin1').decode(bytes.subarray(10, 10 + 118));
      const replaced = text.replace(/\{.*\}/, h).padEnd(117, ' ');
      const out = bytes.slice();
      for (let i = 0; i < 117; i++) out[10 + i] = replaced.charCodeAt(i);
      return ab(out);
    };
    expect(() => parseNpy(withHeader("{'descr': '<i4', 'fortran_order': False, 'shape': (3, 2), }"))).toThrow(
      /dtype "<i4" is not supported/,
    );
    expect(() => parseNpy(withHeader("{'descr': '<f4', 'fortran_order': True, 'shape': (3, 2), }"))).toThrow(/Fortran order/);
    expect(() => parseNpy(withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (6,), }"))).toThrow(/1 dimension/);
    expect(() => parseNpy(withHeader("{'descr': '<f4', 'shape': (3, 2), }"))).toThrow(/header is malformed/);
    expect(() => parseNpy(new TextEncoder().encode('1,2\n3,4').buffer)).toThrow(/signature/);
    expect(() => parseMatrixFile('a.npy', new TextEncoder().encode('1,2').buffer)).toThrow(/a\.npy: not a \.npy file/);
  });
});

describe('CSV parser', () => {
  it('reads numbers with a header, comments and several separators', () => {
    const parsed = parseCsv('# activations\nu0,u1,u2\n1, 2, 3\n4;5;6\n\n7\t8\t-9e-1\n');
    expect([parsed.rows, parsed.cols]).toEqual([3, 3]);
    expect(Array.from(parsed.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, -0.9]);
  });

  it('names the line and column of a bad value or a ragged row', () => {
    expect(() => parseCsv('1,2\n3,x\n')).toThrow(/line 2, column 2: "x" is not a number/);
    expect(() => parseCsv('1,2\n3,4,5\n')).toThrow(/line 2 has 3 values; the lines before have 2/);
    expect(() => parseCsv('a,b\n')).toThrow(/no rows/);
  });
});
