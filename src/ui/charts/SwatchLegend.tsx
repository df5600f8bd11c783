import { CHART_FONT, INK, TICK_FONT_SIZE } from './style';

/** A one-row categorical legend: a swatch and a name per entry. */
export function SwatchLegend(props: { x: number; y: number; items: ReadonlyArray<{ label: string; color: string }>; spacing?: number }) {
  const spacing = props.spacing ?? 100;
  return (
    <g fontFamily={CHART_FONT} fontSize={TICK_FONT_SIZE} fill={INK}>
      {props.items.map((item, k) => (
        <g key={item.label} transform={`translate(${props.x + k * spacing},${props.y})`}>
          <rect width={10} height={10} fill={item.color} stroke={INK} strokeWidth={0.5} />
          <text x={14} y={5} dy="0.32em">
            {item.label}
          </text>
        </g>
      ))}
    </g>
  );
}
