import { CHART_FONT, INK, TICK_FONT_SIZE } from './style';

/**
 * A small horizontal legend for a continuous colour scale, drawn as stepped rects rather than a
 * gradient so the exported SVG needs no <defs> ids.
 */
export function RampLegend(props: {
  x: number;
  y: number;
  width: number;
  height?: number;
  domain: readonly [number, number];
  color: (v: number) => string;
  format: (v: number) => string;
  steps?: number;
}) {
  const { x, y, width, domain, color, format } = props;
  const height = props.height ?? 8;
  const steps = props.steps ?? 32;
  const w = width / steps;
  const [lo, hi] = domain;
  return (
    <g fontFamily={CHART_FONT} fontSize={TICK_FONT_SIZE} fill={INK}>
      {Array.from({ length: steps }, (_, k) => (
        <rect key={k} x={x + k * w} y={y} width={w + 0.5} height={height} fill={color(lo + ((k + 0.5) / steps) * (hi - lo))} />
      ))}
      <rect x={x} y={y} width={width} height={height} fill="none" stroke={INK} strokeWidth={0.5} />
      <text x={x} y={y + height + 11} textAnchor="start">
        {format(lo)}
      </text>
      <text x={x + width / 2} y={y + height + 11} textAnchor="middle">
        {format((lo + hi) / 2)}
      </text>
      <text x={x + width} y={y + height + 11} textAnchor="end">
        {format(hi)}
      </text>
    </g>
  );
}
