/**
 * The runner's import: `--activations a.npy [--basis b.npy] [--epsilon e]` → SRM, the anisotropy
 * against its rotation null and PPPM of the file's rows. Pure (bytes in, analysis out): the runner reads the files.
 * Throws MatrixFileError, naming the file and the problem, on any malformed input.
 */
import { parseMatrixFile, MatrixFileError, type Matrix } from '../../data/npy';
import { analyseImport, type ImportAnalysis } from './import-analysis';

export interface NamedBytes {
  name: string;
  bytes: ArrayBuffer;
}

function parse(file: NamedBytes): Matrix {
  try {
    return parseMatrixFile(file.name, file.bytes);
  } catch (err) {
    if (err instanceof MatrixFileError && !err.message.startsWith(file.name)) throw new MatrixFileError(`${file.name}: ${err.message}`);
    throw err;
  }
}

export function analyseImportFiles(
  files: { activations?: NamedBytes; basis?: NamedBytes },
  options: { epsilon?: string } = {},
): ImportAnalysis & { activations: string; basis?: string } {
  const acts = files.activations;
  if (!acts) throw new MatrixFileError('--activations file.npy|file.csv is required');
  let epsilon: number | undefined;
  if (options.epsilon !== undefined) {
    epsilon = Number(options.epsilon);
    if (!(epsilon > 0 && epsilon <= 1)) throw new MatrixFileError(`--epsilon must be in (0, 1], got ${JSON.stringify(options.epsilon)}`);
  }
  const matrix = parse(acts);
  const basis = files.basis ? parse(files.basis) : null;
  try {
    return { activations: acts.name, ...(files.basis ? { basis: files.basis.name } : {}), ...analyseImport(matrix, basis, { epsilon }) };
  } catch (err) {
    if (err instanceof MatrixFileError)
      throw new MatrixFileError(`${acts.name}${files.basis ? ` with ${files.basis.name}` : ''}: ${err.message}`);
    throw err;
  }
}
