import { useMemo, useState } from 'react';
import { divergingPixels } from './heatmap-pixels';
import { PixelCanvas } from './PixelCanvas';
import { CHART_FONT, INK } from './style';

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
 * A matrix heatmap drawn as pixels (PixelCanvas) rather than a <rect> per cell: redrawing a
 * 20 × 20 Gram matrix as rects (each with a <title>) 30 times a second made the browser restyle
 * ~600 elements a frame, the page's largest cost while a light lab trained. The value under the
 * pointer is read out as text below, and the pixels travel inside exported SVGs as a data URL.
 */
export function HeatmapImage({ x, y, side, n, values, max, describe, testId }: HeatmapImageProps) {
  const pixels = useMemo(() => divergingPixels(values, max), [values, max]);
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
      <PixelCanvas x={x} y={y} width={side} height={side} pixels={pixels} cols={n} rows={n} />
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
