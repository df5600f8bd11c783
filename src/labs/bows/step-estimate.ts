/**
 * A rough time per training step before a run starts: a step is three dense B×m×V products
 * (decoder, its two gradients), 6·B·V·m flops, at the rate measured in Node wasm (2 cores).
 */
/** Flops per second measured for the bows step in Node wasm (V=2000, m=128, batch 256: 23.6 ms). */
export const MEASURED_FLOPS = 1.67e10;

export function stepSeconds(V: number, m: number, batch: number): number {
  return (6 * batch * V * m) / MEASURED_FLOPS;
}

export function formatSeconds(s: number): string {
  if (s < 1) return `${Math.round(s * 1000)} ms`;
  if (s < 120) return `${s.toFixed(1)} s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

export const stepEstimateHelp = `Time per step grows as batch·V·m: about ${formatSeconds(stepSeconds(2000, 128, 256))} at V=2000, m=128, batch 256 and ${formatSeconds(stepSeconds(10000, 1000, 512))} at V=10,000, m=1000, batch 512 (Node wasm, 2 cores; a GPU is much faster).`;
