import { STICKY_FRACTIONS } from '../../../analysis/dimensionality';

/** The geometry each sticky fraction is known for (Elhage et al., "Toy Models of Superposition"). */
const SHAPES: Record<string, string> = {
  '1': 'a dimension of its own',
  '3/4': 'a tetrahedron',
  '2/3': 'a triangle',
  '1/2': 'an antipodal pair, a digon',
  '2/5': 'a pentagon',
  '3/8': 'a square antiprism',
  '1/3': '',
};
const TOLERANCE = 0.03;
const IGNORED = 0.05;

/**
 * The dimensionality chart's state, in words: how many features sit at each sticky fraction now,
 * how many are not represented (D ≈ 0) and how many are in between (still moving).
 */
export function dimensionalityState(d: ArrayLike<number>): string {
  const counts = new Map<string, number>();
  let ignored = 0;
  let between = 0;
  for (let i = 0; i < d.length; i++) {
    const v = d[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < IGNORED) {
      ignored++;
      continue;
    }
    const near = STICKY_FRACTIONS.find((f) => Math.abs(v - f.value) <= TOLERANCE);
    if (near) counts.set(near.label, (counts.get(near.label) ?? 0) + 1);
    else between++;
  }
  const parts = STICKY_FRACTIONS.filter((f) => counts.has(f.label)).map((f) => {
    const c = counts.get(f.label)!;
    const shape = SHAPES[f.label] ? ` (${SHAPES[f.label]})` : '';
    return `${c} ${c === 1 ? 'feature' : 'features'} at D = ${f.label}${shape}`;
  });
  if (between) parts.push(`${between} between the sticky fractions (still moving)`);
  if (ignored) parts.push(`${ignored} not represented (D ≈ 0)`);
  return parts.length ? `Now: ${parts.join('; ')}.` : '';
}
