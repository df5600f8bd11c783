import { useMemo, useState } from 'react';
import { divergingPixels } from './heatmap-pixels';
import { CHART_FONT, INK } from './style';

let scratch: HTMLCanvasElement | null = null;

/** Pixels as a PNG data URL (one scratch canvas, reused); null where there is no 2D canvas. */
export function pixelsUrl(pixels: Uint8ClampedArray<ArrayBuffer>, cols: number, rows: number): string | null {
  scratch ??= document.createElement('canvas');
  scratch.width = cols;
  scratch.height = rows;
  const ctx = scratch.getContext('2d');
  if (!ctx) return null;
  ctx.putImageData(new ImageData(pixels, cols, rows), 0, 0);
  return scratch.toDataURL();
}

export interface HeatmapImageProps {
  /** Top-left corner and side of the square. */
  x: number;
  y: number;
  side: number;
  /** n × n values, row-major. */
  n: number;
  values: ArrayLike<number>;
  /** The colour scale's half-range: values map to [−max, max]. */
  max: number;
  /** What the readout under the square says for the cell under the pointer. */
  describe: (row: number, col: number) => string;
  testId?: string;
}

/**
 * A matrix heatmap drawn as one pixelated <image> rather than a <rect> per cell: redrawing a
 * 20 × 20 Gram matrix as rects (each with a <title>) 30 times a second made the browser restyle
 * ~600 elements a frame, the page's largest cost while a light lab trained. The value under the
 * pointer is read out as text below, and the image travels inside exported SVGs as a data URL.
 */
export function HeatmapImage({ x, y, side, n, values, max, describe, testId }: HeatmapImageProps) {
  const url = useMemo(() => pixelsUrl(divergingPixels(values, max), n, n), [values, max, n]);
  const [hover, setHover] = useState<{ row: number; col: number } | null>(null);
  const cell = side / n;
  const onMove = (e: React.PointerEvent<SVGRectElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - box.left) / box.width) * n);
    const row = Math.floor(((e.clientY - box.top) / box.height) * n);
    setHover(row >= 0 && col >= 0 && row < n && col < n ? { row, col } : null);
  };
  const shown = hover && hover.row < n && hover.col < n ? hover : null;
  return (
    <g>
      {url ? (
        <image href={url} x={x} y={y} width={side} height={side} preserveAspectRatio="none" style={{ imageRendering: 'pixelated' }} />
      ) : null}
      <rect
        x={x}
        y={y}
        width={side}
        height={side}
        fill="transparent"
        data-testid={testId}
        onPointerMove={onMove}
        onPointerLeave={() => setHover(null)}
        style={{ cursor: 'crosshair' }}
      />
      {shown ? (
        <rect x={x + shown.col * cell} y={y + shown.row * cell} width={cell} height={cell} fill="none" stroke={INK} pointerEvents="none" />
      ) : null}
      <text x={x} y={y + side + 14} fontFamily={CHART_FONT} fontSize={11} fill={INK} data-testid={testId ? `${testId}-readout` : undefined}>
        {shown ? describe(shown.row, shown.col) : 'hover a cell for its value'}
      </text>
    </g>
  );
}
