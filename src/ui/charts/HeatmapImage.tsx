import { useMemo, useState } from 'react';
import { divergingPixels } from './heatmap-pixels';
import { CHART_FONT, INK } from './style';

let scratch: HTMLCanvasElement | null = null;

/** Pixels as a PNG data URL (one scratch canvas, reused); null where there is no 2D canvas. */
export function pixelsUrl(pixels: Uint8ClampedArray, cols: number, rows: number): string | null {
  scratch ??= document.createElement('canvas');
  scratch.width = cols;
  scratch.height = rows;
  const ctx = scratch.getContext('2d');
  if (!ctx) return null;
  const img = ctx.createImageData(cols, rows);
  img.data.set(pixels);
  ctx.putImageData(img, 0, 0);
  return scratch.toDataURL();
}

export interface HeatmapImageProps {
  x: number;
  y: number;
  width: number;
  height: number;
  rows: number;
  cols: number;
  /** Row-major, rows × cols. */
  values: ArrayLike<number>;
  /** The colour scale's half-range: values map to [−max, max]. */
  max: number;
  /** What the readout says for the cell under the pointer. */
  describe: (row: number, col: number) => string;
  /** Where the readout's baseline sits (left-aligned). */
  readout: { x: number; y: number };
  testId?: string;
}

/**
 * A matrix heatmap drawn as one pixelated <image> rather than a <rect> per cell: redrawing a
 * 20 × 20 Gram matrix as rects (each with a <title>) 30 times a second made the browser restyle
 * ~600 elements a frame, the page's largest cost while a light lab trained. The value under the
 * pointer is read out as text below, and the image travels inside exported SVGs as a data URL.
 */
export function HeatmapImage(props: HeatmapImageProps) {
  const { x, y, width, height, rows, cols, values, max } = props;
  const url = useMemo(() => pixelsUrl(divergingPixels(values, max), cols, rows), [values, max, cols, rows]);
  const [hover, setHover] = useState<{ row: number; col: number } | null>(null);
  const onMove = (e: React.PointerEvent<SVGRectElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const col = Math.floor(((e.clientX - box.left) / box.width) * cols);
    const row = Math.floor(((e.clientY - box.top) / box.height) * rows);
    setHover(row >= 0 && col >= 0 && row < rows && col < cols ? { row, col } : null);
  };
  const shown = hover && hover.row < rows && hover.col < cols ? hover : null;
  const cw = width / cols;
  const ch = height / rows;
  return (
    <g>
      {url ? (
        <image href={url} x={x} y={y} width={width} height={height} preserveAspectRatio="none" style={{ imageRendering: 'pixelated' }} />
      ) : null}
      <rect
        x={x}
        y={y}
        width={width}
        height={height}
        fill="transparent"
        data-testid={props.testId}
        onPointerMove={onMove}
        onPointerLeave={() => setHover(null)}
        style={{ cursor: 'crosshair' }}
      />
      {shown ? (
        <rect
          x={x + shown.col * cw}
          y={y + shown.row * ch}
          width={cw}
          height={ch}
          fill="none"
          stroke={INK}
          strokeWidth={1}
          pointerEvents="none"
        />
      ) : null}
      <text
        x={props.readout.x}
        y={props.readout.y}
        fontFamily={CHART_FONT}
        fontSize={11}
        fill={INK}
        data-testid={props.testId ? `${props.testId}-readout` : undefined}
      >
        {shown ? props.describe(shown.row, shown.col) : 'hover a cell for its value'}
      </text>
    </g>
  );
}
