/**
 * The rotation null of an alignment (DESIGN §5.5, issue 12): how much better a map family fits
 * network B's hidden layer than it fits the same layer with its basis randomly rotated.
 *
 *   ratio_k = mean over rotations R of r_k(A → B R) / r_k(A → B)
 *
 * where r_k is the held-out normalised residual of the best map of family k fitted on the probe
 * set. If B's neurons are special directions that A's neurons find again (a privileged basis, as
 * ReLU's permutation × positive-scaling symmetry predicts), rotating B destroys the match and the
 * ratio is well above 1; if the layer has no privileged basis (an isotropic activation), a random
 * rotation is no worse and the ratio is ≈ 1. The rotation-invariant families (orthogonal, linear)
 * fit A → B R exactly as well as A → B (their best map is the old one times R), so their null is
 * their observed residual and their ratio 1 by construction; they are not refitted per rotation
 * (a test checks the invariance by refitting).
 */
import type { Rng } from '../engine/rng';
import { correlationFromStats, fitMapFromStats, mat, MAP_KINDS, type MapKind } from './alignment';

/** Families whose best map commutes with a rotation of B: their rotation null is their own residual. */
export const ROTATION_INVARIANT: readonly MapKind[] = ['orthogonal', 'linear'];
import { randomRotation } from './random-rotation';
import {
  probeStatsOf,
  residualFromGram,
  residualStatsOf,
  rotatedProbeStats,
  rotatedResidualStats,
  type PairGram,
  type ResidualStats,
} from './pair-gram';
import type { ProbeStats } from './alignment';

export interface RotationNull {
  kinds: readonly MapKind[];
  /** Held-out residual of each family's best map A → B. */
  observed: number[];
  /** Mean, smallest and largest held-out residual A → B R over the rotations. */
  nullMean: number[];
  nullLow: number[];
  nullHigh: number[];
  /** nullMean / observed. */
  ratio: number[];
}

/** Held-out residual of every family's map fitted on the probe set's statistics. */
function residuals(stats: ProbeStats, held: ResidualStats, kinds: readonly MapKind[]): number[] {
  const corr = correlationFromStats(stats);
  return kinds.map((k) => residualFromGram(fitMapFromStats(k, stats, corr), held));
}

/** Held-out residual of every family's map fitted on `probe` (statistics of the same pair). */
export function residualsFromGrams(probe: PairGram, held: PairGram, kinds: readonly MapKind[] = MAP_KINDS): number[] {
  return residuals(probeStatsOf(probe), residualStatsOf(held), kinds);
}

export function rotationNull(
  probe: PairGram,
  held: PairGram,
  rng: Rng,
  opts: { rotations?: number; kinds?: readonly MapKind[]; refitInvariant?: boolean } = {},
): RotationNull {
  const kinds = opts.kinds ?? MAP_KINDS;
  const refit = kinds.filter((k) => opts.refitInvariant || !ROTATION_INVARIANT.includes(k));
  const rotations = Math.max(1, opts.rotations ?? 8);
  const d = probe.bb.rows;
  const heldStats = residualStatsOf(held);
  const observed = residuals(probeStatsOf(probe), heldStats, kinds);
  const sum = new Array<number>(kinds.length).fill(0);
  const low = new Array<number>(kinds.length).fill(Infinity);
  const high = new Array<number>(kinds.length).fill(-Infinity);
  for (let t = 0; t < rotations; t++) {
    const r = mat(d, d, randomRotation(d, rng));
    // Only what the fits and the residuals read of (A, B R): rotatedProbeStats and rotatedResidualStats.
    const fitted = residuals(rotatedProbeStats(probe, r), rotatedResidualStats(heldStats, r), refit);
    const res = kinds.map((k, i) => (refit.includes(k) ? fitted[refit.indexOf(k)]! : observed[i]!));
    res.forEach((v, k) => {
      sum[k]! += v;
      low[k] = Math.min(low[k]!, v);
      high[k] = Math.max(high[k]!, v);
    });
  }
  const nullMean = sum.map((s) => s / rotations);
  return {
    kinds,
    observed,
    nullMean,
    nullLow: low,
    nullHigh: high,
    ratio: nullMean.map((m, k) => m / observed[k]!),
  };
}
