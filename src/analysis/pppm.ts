/**
 * The privileged plane projective method (PPPM, DESIGN §5.3), as the author draws it
 * (GeorgeBird1/Spotlight-Resonance-Method, PrivilegedPlaneProjectiveMethod.py): for each plane of
 * two privileged directions, keep the activations whose in-plane part has norm ≥ ε‖a‖ and plot
 * their in-plane coordinates — un-normalised, so radii and shells show (an option gives the unit-disk
 * view of â). All planes can be stacked into one ensemble image. The density is divided by the
 * density of an isotropic reference with the same norms (each activation's norm along uniformly
 * random directions, kept and projected the same way), so the image shows structure, not volume.
 * Pure maths: no tfjs, no DOM.
 */
import { createRng } from '../engine/rng';
import { planeFrame, type RowMatrix } from './row-matrix';

export interface PppmOptions {
  /** Keep an activation when ‖in-plane part‖ ≥ ε‖a‖. */
  epsilon?: number;
  /** Project â = a/‖a‖ (unit disk) instead of a (the author's view). */
  normalised?: boolean;
  /** The density image is grid × grid over [−extent, extent]². */
  grid?: number;
  /** Half-width of the image; by default the largest activation norm (1 when normalised). */
  extent?: number;
  /** Gaussian kernel s.d. as a fraction of the extent. */
  bandwidth?: number;
  /** Isotropic reference points: at least this many (each activation's norm, repeated). */
  nullSamples?: number;
  seed?: number;
}

export interface PppmResult {
  grid: number;
  extent: number;
  normalised: boolean;
  /** Planes stacked in this image (one for the per-plane view). */
  planes: Array<[number, number]>;
  /** Kernel density of the kept projections per unit area, as a fraction of N·planes. */
  density: Float64Array;
  /** The same for the isotropic reference (the volume term). */
  nullDensity: Float64Array;
  /** density / nullDensity; NaN where the reference density is negligible. */
  ratio: Float64Array;
  /** Kept projections over all planes, and N·planes. */
  kept: number;
  total: number;
  /** In-plane coordinates of the kept projections (stacked over planes). */
  x: Float64Array;
  y: Float64Array;
}

function rowNorms(acts: RowMatrix): Float64Array {
  const { rows, cols, data } = acts;
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) s += data[r * cols + c]! ** 2;
    out[r] = Math.sqrt(s);
  }
  return out;
}

/**
 * The kept in-plane coordinates for one plane frame: (a·u, a·v) for every non-zero a with
 * ‖(a·u, a·v)‖ ≥ ε‖a‖, divided by ‖a‖ when normalised.
 */
export function pppmProject(
  acts: RowMatrix,
  frame: { u: Float64Array; v: Float64Array },
  epsilon: number,
  normalised = false,
  norms = rowNorms(acts),
): { x: number[]; y: number[]; rows: number[] } {
  const { rows, cols, data } = acts;
  const x: number[] = [];
  const y: number[] = [];
  const kept: number[] = [];
  for (let r = 0; r < rows; r++) {
    const n = norms[r]!;
    if (!(n > 0) || !Number.isFinite(n)) continue;
    let px = 0;
    let py = 0;
    for (let c = 0; c < cols; c++) {
      const a = data[r * cols + c]!;
      px += a * frame.u[c]!;
      py += a * frame.v[c]!;
    }
    if (Math.hypot(px, py) < epsilon * n) continue;
    const s = normalised ? 1 / n : 1;
    x.push(px * s);
    y.push(py * s);
    kept.push(r);
  }
  return { x, y, rows: kept };
}

/** Bins points (weight w each) onto a grid over [−L, L]² and smooths with a separable Gaussian (s.d. σ). */
export function kde(xs: ArrayLike<number>, ys: ArrayLike<number>, w: number, grid: number, extent: number, sigma: number): Float64Array {
  const cell = (2 * extent) / grid;
  const bins = new Float64Array(grid * grid);
  for (let p = 0; p < xs.length; p++) {
    const gx = Math.min(grid - 1, Math.max(0, Math.floor((xs[p]! + extent) / cell)));
    const gy = Math.min(grid - 1, Math.max(0, Math.floor((ys[p]! + extent) / cell)));
    bins[gy * grid + gx]! += w;
  }
  const s = sigma / cell;
  const radius = Math.max(1, Math.ceil(3 * s));
  const kernel = new Float64Array(2 * radius + 1);
  let ks = 0;
  for (let t = -radius; t <= radius; t++) ks += kernel[t + radius] = Math.exp(-(t * t) / (2 * s * s));
  for (let t = 0; t < kernel.length; t++) kernel[t]! /= ks;
  const pass = (src: Float64Array, horizontal: boolean): Float64Array => {
    const dst = new Float64Array(grid * grid);
    for (let gy = 0; gy < grid; gy++) {
      for (let gx = 0; gx < grid; gx++) {
        let acc = 0;
        for (let t = -radius; t <= radius; t++) {
          const xx = horizontal ? gx + t : gx;
          const yy = horizontal ? gy : gy + t;
          if (xx >= 0 && xx < grid && yy >= 0 && yy < grid) acc += kernel[t + radius]! * src[yy * grid + xx]!;
        }
        dst[gy * grid + gx] = acc;
      }
    }
    return dst;
  };
  const out = pass(pass(bins, true), false);
  const area = cell * cell;
  for (let c = 0; c < out.length; c++) out[c]! /= area;
  return out;
}

/**
 * Isotropic reference: each activation's norm (1 when normalised) along `copies` uniformly random
 * directions in R^k, kept and projected on the first coordinate plane (by isotropy every plane
 * gives the same distribution). Returns the kept coordinates and the number of reference points.
 */
function isotropicReference(norms: Float64Array, k: number, epsilon: number, normalised: boolean, minSamples: number, seed: number) {
  return remembered(norms, `${k} ${epsilon} ${normalised} ${minSamples} ${seed}`, () =>
    drawIsotropicReference(norms, k, epsilon, normalised, minSamples, seed),
  );
}

/**
 * The last reference drawn, by the norms it was drawn for: a view asks for one plane's PPPM and the
 * ensemble of the same codes, and the draw (minSamples·k normals, 320,000 for spotlight's k = 16)
 * was a third of the page's analysis. Same arguments, same numbers: a cache, not an approximation.
 */
let lastReference: { norms: Float64Array; key: string; value: IsotropicReference } | null = null;

interface IsotropicReference {
  x: number[];
  y: number[];
  count: number;
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function remembered(norms: Float64Array, key: string, draw: () => IsotropicReference): IsotropicReference {
  if (lastReference && lastReference.key === key && sameValues(lastReference.norms, norms)) return lastReference.value;
  const value = draw();
  lastReference = { norms: Float64Array.from(norms), key, value };
  return value;
}

function drawIsotropicReference(
  norms: Float64Array,
  k: number,
  epsilon: number,
  normalised: boolean,
  minSamples: number,
  seed: number,
): IsotropicReference {
  const rng = createRng(seed + 104729);
  const alive = Array.from(norms).filter((n) => n > 0 && Number.isFinite(n));
  const copies = Math.max(1, Math.ceil(minSamples / Math.max(1, alive.length)));
  const x: number[] = [];
  const y: number[] = [];
  for (let t = 0; t < copies; t++) {
    for (const n of alive) {
      const a = rng.normal();
      const b = rng.normal();
      let rest = 0;
      for (let c = 2; c < k; c++) rest += rng.normal() ** 2;
      const g = Math.sqrt(a * a + b * b + rest);
      if (!(g > 0) || Math.hypot(a, b) < epsilon * g) continue;
      const s = (normalised ? 1 : n) / g;
      x.push(a * s);
      y.push(b * s);
    }
  }
  return { x, y, count: copies * alive.length };
}

/**
 * PPPM of the given planes stacked into one image (one plane: the per-plane view; all planes: the
 * author's ensemble), divided by the isotropic reference with the same norms.
 */
export function pppmEnsemble(acts: RowMatrix, basis: RowMatrix, planes: Array<[number, number]>, opts: PppmOptions = {}): PppmResult {
  if (acts.cols !== basis.cols) throw new Error(`the basis has ${basis.cols} columns but the activations have ${acts.cols}`);
  const epsilon = opts.epsilon ?? 0.9;
  const normalised = opts.normalised ?? false;
  const grid = opts.grid ?? 32;
  const norms = rowNorms(acts);
  let maxNorm = 0;
  for (const n of norms) if (Number.isFinite(n) && n > maxNorm) maxNorm = n;
  const extent = opts.extent ?? (normalised ? 1 : maxNorm > 0 ? maxNorm : 1);
  const sigma = (opts.bandwidth ?? 0.06) * extent;
  const xs: number[] = [];
  const ys: number[] = [];
  const used: Array<[number, number]> = [];
  for (const [i, j] of planes) {
    const frame = planeFrame(basis, i, j);
    if (!frame) continue;
    const p = pppmProject(acts, frame, epsilon, normalised, norms);
    for (let t = 0; t < p.x.length; t++) {
      xs.push(p.x[t]!);
      ys.push(p.y[t]!);
    }
    used.push([i, j]);
  }
  if (used.length === 0) throw new Error('none of the planes is defined: their directions are parallel');
  const total = acts.rows * used.length;
  const density = kde(xs, ys, total > 0 ? 1 / total : 0, grid, extent, sigma);
  const ref = isotropicReference(norms, acts.cols, epsilon, normalised, opts.nullSamples ?? 20000, opts.seed ?? 0);
  // The reference stands for the non-zero rows; zero rows are in no plane, for the data or the reference.
  const alive = norms.reduce((s, n) => s + (n > 0 && Number.isFinite(n) ? 1 : 0), 0);
  const nullDensity = kde(ref.x, ref.y, ref.count > 0 ? alive / (acts.rows * ref.count) : 0, grid, extent, sigma);
  let nullMax = 0;
  for (const v of nullDensity) if (v > nullMax) nullMax = v;
  const floor = 1e-3 * nullMax;
  const ratio = new Float64Array(grid * grid);
  for (let c = 0; c < ratio.length; c++) ratio[c] = nullDensity[c]! > floor ? density[c]! / nullDensity[c]! : NaN;
  return {
    grid,
    extent,
    normalised,
    planes: used,
    density,
    nullDensity,
    ratio,
    kept: xs.length,
    total,
    x: Float64Array.from(xs),
    y: Float64Array.from(ys),
  };
}

/** PPPM of one plane (b_i, b_j) of the basis. */
export function pppm(acts: RowMatrix, basis: RowMatrix, plane: [number, number], opts: PppmOptions = {}): PppmResult {
  if (!planeFrame(basis, plane[0], plane[1])) throw new Error(`directions ${plane[0]} and ${plane[1]} are parallel: they span no plane`);
  return pppmEnsemble(acts, basis, [plane], opts);
}
