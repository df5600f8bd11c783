/** Node side of the import: reads the files named on the command line and analyses them. */
import { readFileSync } from 'node:fs';
import { parseMatrixFile, MatrixFileError, type Matrix } from '../../data/npy';
import { analyseImport, type ImportAnalysis } from './import-analysis';

/** The runner flags this lab takes besides its params (for parseArgs' extraFlags). */
export const SPOTLIGHT_EXTRA_FLAGS = ['activations', 'basis', 'epsilon'] as const;

function readMatrix(path: string): Matrix {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new MatrixFileError(`cannot read ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    return parseMatrixFile(path, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (err) {
    if (err instanceof MatrixFileError && !err.message.startsWith(path)) throw new MatrixFileError(`${path}: ${err.message}`);
    throw err;
  }
}

/**
 * `--activations a.npy [--basis b.npy] [--epsilon e]`: SRM, the quantisation index and PPPM of the
 * file's rows. Throws MatrixFileError (the CLI prints it and exits 2) on any malformed input.
 */
export function analyseImportFiles(extra: Record<string, string>): ImportAnalysis & { activations: string; basis?: string } {
  const path = extra.activations;
  if (!path) throw new MatrixFileError('--activations file.npy|file.csv is required');
  let epsilon: number | undefined;
  if (extra.epsilon !== undefined) {
    epsilon = Number(extra.epsilon);
    if (!(epsilon > 0 && epsilon <= 1)) throw new MatrixFileError(`--epsilon must be in (0, 1], got ${JSON.stringify(extra.epsilon)}`);
  }
  const acts = readMatrix(path);
  const basis = extra.basis ? readMatrix(extra.basis) : null;
  try {
    return { activations: path, ...(extra.basis ? { basis: extra.basis } : {}), ...analyseImport(acts, basis, { epsilon }) };
  } catch (err) {
    if (err instanceof MatrixFileError) throw new MatrixFileError(`${path}${extra.basis ? ` with ${extra.basis}` : ''}: ${err.message}`);
    throw err;
  }
}
