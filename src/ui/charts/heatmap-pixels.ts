import { interpolateRdBu, rgb } from 'd3';

/** RdBu reversed (positive = red) sampled at 257 levels over [−1, 1]. */
const DIVERGING_LUT: ReadonlyArray<readonly [number, number, number]> = Array.from({ length: 257 }, (_, k) => {
  const c = rgb(interpolateRdBu(1 - k / 256));
  return [c.r, c.g, c.b] as const;
});
/** Not-a-number cells: the grey the SVG heatmaps used. */
export const NAN_RGB = [0x88, 0x88, 0x88] as const;

/** The diverging colour of v on [−max, max] (RdBu reversed, positive = red), as a CSS colour for legends. */
export function divergingColor(max: number): (v: number) => string {
  return (v) => (Number.isFinite(v) ? interpolateRdBu(0.5 - v / (2 * max)) : `rgb(${NAN_RGB.join(',')})`);
}

/**
 * RGBA pixels of a row-major matrix, one pixel per cell, coloured on [−max, max] (clamped) with
 * the reversed RdBu ramp quantised to 257 levels; NaN and ±∞ are grey.
 */
export function divergingPixels(values: ArrayLike<number>, max: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(values.length * 4);
  const scale = max > 0 && Number.isFinite(max) ? 1 / max : 1;
  for (let k = 0; k < values.length; k++) {
    const v = values[k]!;
    const c = Number.isFinite(v) ? DIVERGING_LUT[Math.round((Math.max(-1, Math.min(1, v * scale)) + 1) * 128)]! : NAN_RGB;
    out[4 * k] = c[0];
    out[4 * k + 1] = c[1];
    out[4 * k + 2] = c[2];
    out[4 * k + 3] = 255;
  }
  return out;
}
