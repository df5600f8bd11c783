import type { AnisotropySummary } from '../../../analysis/anisotropy';

/**
 * The anisotropy chart's state, in words: for each activation, where its statistic sits against its
 * rotation null right now. The chart is read at a glance only once you know what left and right mean.
 */
export function anisotropyState(models: ReadonlyArray<{ name: string; anisotropy: AnisotropySummary }>): string {
  const parts = models
    .filter((m) => Number.isFinite(m.anisotropy.value) && Number.isFinite(m.anisotropy.nullMean) && m.anisotropy.nullMean > 0)
    .map(({ name, anisotropy: a }) => {
      const ratio = (a.value / a.nullMean).toFixed(2);
      const band = `[${(a.nullLow / a.nullMean).toFixed(2)}, ${(a.nullHigh / a.nullMean).toFixed(2)}]`;
      const z = `z ${a.z >= 0 ? '+' : '−'}${Math.abs(a.z).toFixed(1)}`;
      if (a.value < a.nullLow) return `${name} ${ratio}, left of its band ${band} (${z}): anti-aligned with the privileged directions`;
      if (a.value > a.nullHigh) return `${name} ${ratio}, right of its band ${band} (${z}): aligned with the privileged directions`;
      return `${name} ${ratio}, inside its band ${band} (${z}): no preferred orientation yet`;
    });
  return parts.length ? `Now: ${parts.join('; ')}.` : '';
}
