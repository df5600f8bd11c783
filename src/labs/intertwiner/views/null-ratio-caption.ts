/**
 * The rotation-null chart's state, in words, for the chosen layer: which activations' alignment
 * beats its rotation null now (the README's thresholds: ≥ 1.15 clearly above, 0.93–1.07 on it).
 */
export function nullRatioState(layer: number, entries: ReadonlyArray<{ label: string; ratio: number }>): string {
  const parts = entries
    .filter((e) => Number.isFinite(e.ratio))
    .map(({ label, ratio }) => {
      const r = ratio.toFixed(2);
      if (ratio >= 1.15) return `${label} ${r}, clearly above the null: a privileged basis`;
      if (ratio >= 0.93 && ratio <= 1.07) return `${label} ${r}, on the null: any rotation aligns as well`;
      return `${label} ${r}, ${ratio > 1 ? 'a little above' : 'below'} the null`;
    });
  return parts.length ? `Now, layer ${layer}: ${parts.join('; ')}.` : '';
}
