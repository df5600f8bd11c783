/**
 * Matrices from users: NumPy `.npy` files (format versions 1.0, 2.0 and 3.0; float32/float64 of
 * either byte order, C order, 2-D) and CSV/TSV text. Every malformed input raises a MatrixFileError
 * with a precise message; nothing here touches the DOM.
 */

export class MatrixFileError extends Error {}

export interface Matrix {
  rows: number;
  cols: number;
  /** Row-major values. */
  data: Float64Array;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY

export function isNpy(buffer: ArrayBuffer): boolean {
  const b = new Uint8Array(buffer, 0, Math.min(6, buffer.byteLength));
  return b.length === 6 && MAGIC.every((v, i) => b[i] === v);
}

/** Parses the header dict, e.g. {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }. */
function parseHeader(text: string): { descr: string; fortran: boolean; shape: number[] } {
  const descr = /['"]descr['"]\s*:\s*['"]([^'"]+)['"]/.exec(text)?.[1];
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new MatrixFileError(`.npy header is malformed: ${JSON.stringify(text.trim().slice(0, 120))}`);
  }
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => {
      if (!/^\d+$/.test(s)) throw new MatrixFileError(`.npy shape has a bad dimension ${JSON.stringify(s)}`);
      return Number(s);
    });
  return { descr, fortran: fortran === 'True', shape };
}

export function parseNpy(buffer: ArrayBuffer): Matrix & { dtype: string } {
  if (!isNpy(buffer)) throw new MatrixFileError('not a .npy file (the \\x93NUMPY signature is missing)');
  if (buffer.byteLength < 10) throw new MatrixFileError('.npy file is truncated inside its header');
  const view = new DataView(buffer);
  const major = view.getUint8(6);
  let headerLen: number;
  let offset: number;
  if (major === 1) {
    headerLen = view.getUint16(8, true);
    offset = 10;
  } else if (major === 2 || major === 3) {
    if (buffer.byteLength < 12) throw new MatrixFileError('.npy file is truncated inside its header');
    headerLen = view.getUint32(8, true);
    offset = 12;
  } else {
    throw new MatrixFileError(`.npy format version ${major}.${view.getUint8(7)} is not supported (1.0, 2.0 or 3.0)`);
  }
  if (offset + headerLen > buffer.byteLength) {
    throw new MatrixFileError(`.npy file is truncated: the header needs ${headerLen} bytes, ${buffer.byteLength - offset} remain`);
  }
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(new Uint8Array(buffer, offset, headerLen));
  const { descr, fortran, shape } = parseHeader(header);
  const m = /^([<>=|])f([48])$/.exec(descr);
  if (!m) throw new MatrixFileError(`.npy dtype ${JSON.stringify(descr)} is not supported: save float32 or float64`);
  if (fortran) throw new MatrixFileError('.npy array is in Fortran order: save it with np.ascontiguousarray (C order)');
  if (shape.length !== 2) {
    throw new MatrixFileError(
      `.npy array has ${shape.length} dimension${shape.length === 1 ? '' : 's'} (shape (${shape.join(', ')})); a 2-D samples × units matrix is needed`,
    );
  }
  const [rows, cols] = shape as [number, number];
  const size = Number(m[2]);
  const little = m[1] !== '>';
  const dataOffset = offset + headerLen;
  const need = rows * cols * size;
  const have = buffer.byteLength - dataOffset;
  if (have < need) {
    throw new MatrixFileError(
      `.npy file is truncated: shape (${rows}, ${cols}) of ${size === 4 ? 'float32' : 'float64'} needs ${need} bytes of data, ${have} present`,
    );
  }
  if (have > need) throw new MatrixFileError(`.npy file has ${have - need} bytes beyond its (${rows}, ${cols}) array`);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) {
    data[i] = size === 4 ? view.getFloat32(dataOffset + 4 * i, little) : view.getFloat64(dataOffset + 8 * i, little);
  }
  return { rows, cols, data, dtype: descr };
}

/** Writes a 2-D .npy (for fixtures and tests). */
export function encodeNpy(
  m: { rows: number; cols: number; data: ArrayLike<number> },
  opts: { dtype?: '<f4' | '>f4' | '<f8' | '>f8'; version?: 1 | 2 } = {},
): Uint8Array {
  const dtype = opts.dtype ?? '<f4';
  const version = opts.version ?? 1;
  const pre = version === 1 ? 10 : 12;
  let header = `{'descr': '${dtype}', 'fortran_order': False, 'shape': (${m.rows}, ${m.cols}), }`;
  const total = pre + header.length + 1;
  header += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const size = dtype.endsWith('4') ? 4 : 8;
  const out = new Uint8Array(pre + header.length + m.rows * m.cols * size);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  out[6] = version;
  out[7] = 0;
  if (version === 1) view.setUint16(8, header.length, true);
  else view.setUint32(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[pre + i] = header.charCodeAt(i);
  const little = dtype.startsWith('<');
  const base = pre + header.length;
  for (let i = 0; i < m.rows * m.cols; i++) {
    if (size === 4) view.setFloat32(base + 4 * i, m.data[i]!, little);
    else view.setFloat64(base + 8 * i, m.data[i]!, little);
  }
  return out;
}

/**
 * CSV/TSV: comma, semicolon, tab or space separated numbers, one sample per line. A first line
 * that is not all numbers is taken as a header and skipped; blank lines and `#` comments are ignored.
 */
export function parseCsv(text: string): Matrix {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const rows: number[][] = [];
  let cols = -1;
  let headerSkipped = false;
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln]!;
    if (line === '' || line.startsWith('#')) continue;
    const cells = line.split(/\s*[,;\t]\s*|\s+/);
    const values = cells.map((c) => (c === '' ? NaN : Number(c)));
    const bad = values.findIndex((v, i) => !Number.isFinite(v) && !/^[+-]?(nan|inf(inity)?)$/i.test(cells[i]!));
    if (bad >= 0) {
      if (rows.length === 0 && !headerSkipped) {
        headerSkipped = true;
        continue;
      }
      throw new MatrixFileError(`CSV line ${ln + 1}, column ${bad + 1}: ${JSON.stringify(cells[bad]!.slice(0, 30))} is not a number`);
    }
    if (cols < 0) cols = values.length;
    else if (values.length !== cols) {
      throw new MatrixFileError(`CSV line ${ln + 1} has ${values.length} values; the lines before have ${cols}`);
    }
    rows.push(values);
  }
  if (rows.length === 0) throw new MatrixFileError('CSV file has no rows of numbers');
  const data = new Float64Array(rows.length * cols);
  rows.forEach((r, i) => data.set(r, i * cols));
  return { rows: rows.length, cols, data };
}

/** A .npy (recognised by its signature) or CSV/TSV text file. */
export function parseMatrixFile(name: string, buffer: ArrayBuffer): Matrix {
  if (isNpy(buffer)) return parseNpy(buffer);
  if (/\.npy$/i.test(name)) throw new MatrixFileError(`${name}: not a .npy file (the \\x93NUMPY signature is missing)`);
  const bytes = new Uint8Array(buffer);
  if (bytes.subarray(0, 4096).includes(0)) throw new MatrixFileError(`${name}: binary data that is neither .npy nor text`);
  return parseCsv(new TextDecoder('utf-8').decode(bytes));
}
