// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { PixelCanvas } from './charts/PixelCanvas';
import { serializeSvg } from './export';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('serializeSvg', () => {
  it('turns each PixelCanvas into an <image> holding its pixels as a PNG data URL, leaving the page as it was', () => {
    const pixels = new Uint8ClampedArray(2 * 3 * 4);
    // happy-dom draws nothing: the mock says whose pixels were read, the page's canvas or the
    // detached clone's (which is blank in a browser: cloning copies no pixels).
    const toDataURL = vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockImplementation(function (this: HTMLCanvasElement) {
      return `data:image/png;base64,${this.isConnected ? 'page' : 'clone'}-${this.width}x${this.height}`;
    });
    const { container } = render(
      <svg width={100} height={80}>
        <PixelCanvas x={10} y={20} width={60} height={40} pixels={pixels} cols={2} rows={3} />
        <circle r={3} />
      </svg>,
    );
    const svg = container.querySelector('svg')!;
    const out = serializeSvg(svg);
    expect(out).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(out).not.toContain('foreignObject');
    expect(out).not.toContain('canvas');
    const image = new DOMParser().parseFromString(out, 'image/svg+xml').querySelector('image')!;
    expect(['x', 'y', 'width', 'height'].map((a) => image.getAttribute(a))).toEqual(['10', '20', '60', '40']);
    expect(image.getAttribute('href')).toBe('data:image/png;base64,page-2x3');
    expect(image.getAttribute('preserveAspectRatio')).toBe('none');
    expect(toDataURL).toHaveBeenCalledTimes(1);
    expect(out).toContain('<circle');
    // The page keeps its canvas.
    expect(svg.querySelector('foreignObject canvas')).not.toBeNull();
  });
});
