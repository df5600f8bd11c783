import { regimeCounts, regimeOf, MONO_THRESHOLD, IGNORED_THRESHOLD } from '../../../analysis/capacity-allocation';

/**
 * The capacity chart's state, in words: how the m dimensions are shared out now — features with a
 * dimension of their own, features sharing dimensions, and features the model ignores — and where
 * the importance ranking puts them (Scherlis et al.: the most important get whole dimensions).
 */
export function regimeState(capacity: readonly number[], importance: readonly number[], m: number): string {
  const finite = capacity.filter(Number.isFinite);
  if (!finite.length) return '';
  const counts = regimeCounts(finite);
  const total = finite.reduce((s, c) => s + c, 0);
  const order = capacity.map((_, i) => i).sort((a, b) => (importance[b] ?? 0) - (importance[a] ?? 0));
  const monoRanks = order
    .map((i, rank) => ({ rank, c: capacity[i]! }))
    .filter((x) => regimeOf(x.c) === 'mono')
    .map((x) => x.rank);
  const topFirst = monoRanks.length > 0 && monoRanks.every((r) => r < monoRanks.length);
  return (
    `Now: ${counts.mono} monosemantic (C > ${MONO_THRESHOLD}), ${counts.poly} polysemantic, ${counts.ignored} ignored (C ≤ ${IGNORED_THRESHOLD}); ` +
    `Σ C = ${total.toFixed(2)} of m = ${m}.` +
    (monoRanks.length
      ? topFirst
        ? ' The monosemantic ones are the most important.'
        : ' Some monosemantic features are not among the most important.'
      : '')
  );
}
