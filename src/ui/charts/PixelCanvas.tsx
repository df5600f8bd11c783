import { useLayoutEffect, useRef } from 'react';

export interface PixelCanvasProps {
  /** Where the pixels go in the chart's SVG user units. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** RGBA, cols × rows, row-major. */
  pixels: Uint8ClampedArray<ArrayBuffer>;
  cols: number;
  rows: number;
}

/** Marks a PixelCanvas's <foreignObject>, which `serializeSvg` (ui/export.ts) turns into an <image> for exported files. */
export const PIXELS_ATTRIBUTE = 'data-pixels';

/**
 * Pixels scaled up (pixelated) into an SVG chart: a <canvas> inside a <foreignObject>, repainted in
 * place with putImageData. It replaced a PNG data URL per update on an <image>: encoding, fetching
 * and decoding that URL cost superposition's page ~50 ms of main thread a second while training.
 */
export function PixelCanvas({ x, y, width, height, pixels, cols, rows }: PixelCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (ctx && pixels.length === cols * rows * 4) ctx.putImageData(new ImageData(pixels, cols, rows), 0, 0);
  }, [pixels, cols, rows]);
  return (
    <foreignObject x={x} y={y} width={width} height={height} {...{ [PIXELS_ATTRIBUTE]: '' }}>
      <canvas
        ref={ref}
        width={cols}
        height={rows}
        aria-hidden="true"
        style={{ display: 'block', width: '100%', height: '100%', imageRendering: 'pixelated', pointerEvents: 'none' }}
      />
    </foreignObject>
  );
}
