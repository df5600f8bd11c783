/**
 * SRM and PPPM of a user's own activations (and optional basis), for the page and the runner
 * (`npm run lab -- spotlight --activations a.npy [--basis b.npy] [--epsilon 0.9]`). Pure: it takes
 * parsed matrices; import-files.ts reads them from disk in Node.
 */
import { MatrixFileError, type Matrix } from '../../data/npy';
import { planePairs, srm } from '../../analysis/srm';
import { identityBasis, type RowMatrix } from '../../analysis/row-matrix';
import { pppm } from '../../analysis/pppm';
import { anisotropy, NULL_ROTATIONS, type AnisotropySummary } from '../../analysis/anisotropy';
import { MAX_PLANES } from './params';

export interface ImportAnalysis {
  rows: number;
  cols: number;
  /** Privileged directions used: the given basis, or the standard basis of the units. */
  basisRows: number;
  basisGiven: boolean;
  epsilon: number;
  planes: number;
  /** Mean unsigned SRM curve over planes, 360 angles, and its s.d. over planes. */
  srm: number[];
  srmSd: number[];
  signedSrm: number[];
  /**
   * Mean max |bᵢ·â| against 40 seeded random rotations (the same function the trained models use),
   * on `rowsUsed` evenly spaced rows when the file is too large for the null's budget.
   */
  anisotropy: AnisotropySummary & { rowsUsed: number };
  /** The author's un-normalised PPPM of one plane (density ÷ isotropic reference with the same norms). */
  pppm: { plane: [number, number]; grid: number; extent: number; kept: number; ratio: Array<number | null> };
}

export const IMPORT_MAX_ROWS = 50000;
/** Random rotations are O(k³) and plane lists O(K²): wider files would freeze the page. */
export const IMPORT_MAX_COLS = 512;
export const IMPORT_MAX_BASIS_ROWS = 1024;

function firstNonFinite(m: Matrix): number {
  for (let i = 0; i < m.data.length; i++) if (!Number.isFinite(m.data[i]!)) return i;
  return -1;
}

/** Throws a MatrixFileError naming exactly what is wrong; otherwise returns the basis to use. */
export function validateImport(acts: Matrix, basis: Matrix | null): RowMatrix {
  if (acts.cols < 2) throw new MatrixFileError(`activations have ${acts.cols} column; SRM needs at least 2 units (columns)`);
  if (acts.rows < 1) throw new MatrixFileError('activations have no rows');
  if (acts.rows > IMPORT_MAX_ROWS)
    throw new MatrixFileError(`activations have ${acts.rows} rows; at most ${IMPORT_MAX_ROWS} are analysed — subsample first`);
  if (acts.cols > IMPORT_MAX_COLS)
    throw new MatrixFileError(`activations have ${acts.cols} columns; at most ${IMPORT_MAX_COLS} units are analysed`);
  const bad = firstNonFinite(acts);
  if (bad >= 0)
    throw new MatrixFileError(
      `activations row ${Math.floor(bad / acts.cols) + 1}, column ${(bad % acts.cols) + 1} is ${acts.data[bad]} (not finite)`,
    );
  if (!basis) return identityBasis(acts.cols);
  if (basis.cols !== acts.cols) {
    throw new MatrixFileError(
      `basis has ${basis.cols} columns but the activations have ${acts.cols}: the basis must be K × ${acts.cols} (one direction per row)`,
    );
  }
  if (basis.rows < 2) throw new MatrixFileError(`basis has ${basis.rows} row; SRM needs at least 2 directions`);
  if (basis.rows > IMPORT_MAX_BASIS_ROWS)
    throw new MatrixFileError(`basis has ${basis.rows} rows; at most ${IMPORT_MAX_BASIS_ROWS} directions are analysed`);
  const badB = firstNonFinite(basis);
  if (badB >= 0) throw new MatrixFileError(`basis row ${Math.floor(badB / basis.cols) + 1} has a non-finite value`);
  for (let r = 0; r < basis.rows; r++) {
    let s = 0;
    for (let c = 0; c < basis.cols; c++) s += basis.data[r * basis.cols + c]! ** 2;
    if (!(s > 1e-24)) throw new MatrixFileError(`basis row ${r + 1} is zero`);
  }
  return basis;
}

/** Multiply-adds the import's anisotropy and its rotation null may cost: about a second or two. */
export const IMPORT_NULL_BUDGET = 1.5e9;
/** Never fewer rows than this behind the statistic (or all of them, when there are fewer). */
export const IMPORT_MIN_NULL_ROWS = 500;

/** How many rows the anisotropy of an N-row file against K directions in k units uses. */
export function anisotropyRows(N: number, K: number, k: number): number {
  const affordable = Math.floor(IMPORT_NULL_BUDGET / ((NULL_ROTATIONS + 1) * K * k));
  return Math.min(N, Math.max(IMPORT_MIN_NULL_ROWS, affordable));
}

/** `n` evenly spaced rows of a matrix (all of it when n ≥ its rows). */
export function evenRows(m: RowMatrix, n: number): RowMatrix {
  if (n >= m.rows) return m;
  const data = new Float64Array(n * m.cols);
  for (let r = 0; r < n; r++) {
    const from = Math.floor((r * m.rows) / n) * m.cols;
    for (let c = 0; c < m.cols; c++) data[r * m.cols + c] = m.data[from + c]!;
  }
  return { rows: n, cols: m.cols, data };
}

/** The anisotropy of imported activations, on as many rows as the budget allows (a 50,000 × 250 file: 585). */
export function importAnisotropy(acts: RowMatrix, basis: RowMatrix): AnisotropySummary & { rowsUsed: number } {
  const rowsUsed = anisotropyRows(acts.rows, basis.rows, acts.cols);
  const a = anisotropy(evenRows(acts, rowsUsed), basis);
  return { value: a.value, nullMean: a.nullMean, nullLow: a.nullLow, nullHigh: a.nullHigh, z: a.z, rowsUsed };
}

const finiteOrNull = (v: number) => (Number.isFinite(v) ? +v.toFixed(6) : null);

export function analyseImport(
  acts: Matrix,
  basis: Matrix | null,
  opts: { epsilon?: number; maxPlanes?: number; plane?: [number, number]; seed?: number } = {},
): ImportAnalysis {
  const b = validateImport(acts, basis);
  const epsilon = opts.epsilon ?? 0.9;
  if (!(epsilon > 0 && epsilon <= 1)) throw new MatrixFileError(`ε must be in (0, 1], got ${epsilon}`);
  const common = { epsilon, maxPlanes: opts.maxPlanes ?? MAX_PLANES, seed: opts.seed ?? 1 };
  const unsigned = srm(acts, b, common);
  const a = importAnisotropy(acts, b);
  const signed = srm(acts, b, { ...common, signed: true });
  const plane = opts.plane ?? planePairs(b.rows, { ordered: false })[0]!;
  if (plane[0] >= b.rows || plane[1] >= b.rows || plane[0] === plane[1]) {
    throw new MatrixFileError(`plane (${plane[0]}, ${plane[1]}) is not a pair of the ${b.rows} directions`);
  }
  const p = pppm(acts, b, plane, { epsilon, seed: common.seed });
  return {
    rows: acts.rows,
    cols: acts.cols,
    basisRows: b.rows,
    basisGiven: basis !== null,
    epsilon,
    planes: unsigned.planes.length,
    srm: Array.from(unsigned.mean, (v) => +v.toFixed(6)),
    srmSd: Array.from(unsigned.sd, (v) => +v.toFixed(6)),
    signedSrm: Array.from(signed.mean, (v) => +v.toFixed(6)),
    anisotropy: a,
    pppm: { plane, grid: p.grid, extent: p.extent, kept: p.kept, ratio: Array.from(p.ratio, finiteOrNull) },
  };
}
