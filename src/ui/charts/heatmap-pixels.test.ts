import { describe, expect, it } from 'vitest';
import { divergingColor, divergingPixels } from './heatmap-pixels';

const pixel = (px: Uint8ClampedArray, k: number) => [...px.subarray(4 * k, 4 * k + 4)];

describe('divergingPixels', () => {
  it('colours +max red, 0 near white, −max blue, clamps beyond ±max and greys out non-finite values', () => {
    const px = divergingPixels([2, 0, -2, NaN, 5, -Infinity], 2);
    expect(px).toHaveLength(24);
    // d3's RdBu ends and middle: interpolateRdBu(0) = rgb(103,0,31), (0.5) = rgb(242,239,238), (1) = rgb(5,48,97).
    expect(pixel(px, 0)).toEqual([103, 0, 31, 255]);
    expect(pixel(px, 1)).toEqual([242, 239, 238, 255]);
    expect(pixel(px, 2)).toEqual([5, 48, 97, 255]);
    expect(pixel(px, 3)).toEqual([136, 136, 136, 255]);
    expect(pixel(px, 4)).toEqual([103, 0, 31, 255]);
    expect(pixel(px, 5)).toEqual([136, 136, 136, 255]);
  });

  it('a zero or non-finite max draws on [−1, 1] rather than dividing by it', () => {
    expect(pixel(divergingPixels([1], 0), 0)).toEqual([103, 0, 31, 255]);
    expect(pixel(divergingPixels([-1], NaN), 0)).toEqual([5, 48, 97, 255]);
  });

  it('matches the legend colour at the quantised levels', () => {
    const color = divergingColor(4);
    expect(color(4)).toBe('rgb(103, 0, 31)');
    expect(color(-4)).toBe('rgb(5, 48, 97)');
    expect(color(NaN)).toBe('rgb(136,136,136)');
  });
});
