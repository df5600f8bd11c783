/**
 * The cycle score in words: 1 means the listed words go round the plane in list order; a random
 * order scores about 2/(n−1). The ring threshold 0.9 is the one the lab's e2e and README use.
 */
export function cycleReading(score: number, n: number): string {
  if (!Number.isFinite(score) || n < 3) return '';
  const chance = 2 / (n - 1);
  if (score >= 0.9) return ` — a ring: the words go round in order (chance ≈ ${chance.toFixed(2)})`;
  if (score > 1.5 * chance) return ` — partly ordered, no closed ring yet (chance ≈ ${chance.toFixed(2)})`;
  return ` — about chance (≈ ${chance.toFixed(2)}): no cyclic order`;
}
