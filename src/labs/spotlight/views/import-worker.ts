/// <reference lib="webworker" />
/**
 * The spotlight import panel's worker: it reads the user's .npy / CSV files, validates them and
 * analyses them, so that neither a large nor a hostile file freezes the page. It keeps the parsed
 * matrices; the page only ever receives the analysis (typed arrays, transferred).
 */
import * as Comlink from 'comlink';
import { parseMatrixFile, type Matrix } from '../../../data/npy';
import type { RowMatrix } from '../../../analysis/row-matrix';
import { importAnisotropy, validateImport } from '../import-analysis';
import { analyseModel, type ModelAnalysis, type ViewOptions } from './analysis';

export interface ImportResult {
  analysis: ModelAnalysis;
  /** Rows behind the anisotropy and its null (evenly spaced, when the file exceeds the budget). */
  anisotropyRows: number;
}

export type ImportLoad = { rows: number; cols: number; name: string } | { error: string };

let acts: { name: string; m: Matrix } | null = null;
let basis: { name: string; m: Matrix } | null = null;
/**
 * The validated basis and the ε-free anisotropy of the loaded pair: computed once per pair, not on
 * every ε or plane change (its rotation null costs seconds on a large file).
 */
let pairCache: { acts: Matrix; basis: Matrix | null; b: RowMatrix; anisotropy: ReturnType<typeof importAnisotropy> } | null = null;

function pairAnalysis(a: Matrix, bm: Matrix | null) {
  if (pairCache?.acts !== a || pairCache.basis !== bm) {
    const b = validateImport(a, bm);
    pairCache = { acts: a, basis: bm, b, anisotropy: importAnisotropy(a, b) };
  }
  return pairCache;
}

const prefixed = (name: string, err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  return message.startsWith(`${name}:`) ? message : `${name}: ${message}`;
};

const api = {
  /** Parses and validates a file against the other one; nothing changes unless the pair is valid. */
  async load(which: 'acts' | 'basis', file: File): Promise<ImportLoad> {
    try {
      const m = parseMatrixFile(file.name, await file.arrayBuffer());
      const nextActs = which === 'acts' ? m : acts?.m;
      const nextBasis = which === 'basis' ? m : (basis?.m ?? null);
      if (nextActs) validateImport(nextActs, nextBasis);
      else if (m.rows < 2) throw new Error(`basis has ${m.rows} row; SRM needs at least 2 directions`);
      if (which === 'acts') acts = { name: file.name, m };
      else basis = { name: file.name, m };
      return { name: file.name, rows: m.rows, cols: m.cols };
    } catch (err) {
      return { error: prefixed(file.name, err) };
    }
  },
  clearBasis(): void {
    basis = null;
  },
  /** SRM, PPPM and anisotropy of the loaded activations at the view's settings (null before a file). */
  analyse(options: ViewOptions): ImportResult | null {
    if (!acts) return null;
    const { b, anisotropy: cached } = pairAnalysis(acts.m, basis?.m ?? null);
    const { rowsUsed, ...anisotropy } = cached;
    const a = analyseModel({ name: acts.name, acts: acts.m, basis: b, reconstruction: NaN, anisotropy, srm: null }, options);
    const buffers = [a.curve, a.sd, a.x, a.y].map((v) => v.buffer as ArrayBuffer);
    return Comlink.transfer({ analysis: a, anisotropyRows: rowsUsed }, buffers);
  },
};

export type ImportWorkerApi = typeof api;

Comlink.expose(api);
