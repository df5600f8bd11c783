import { CHART_FONT, FAINT } from './style';

/** An empty chart of the given size with a centred message (e.g. "Press play"). */
export function ChartPlaceholder(props: { width: number; height: number; text?: string }) {
  const { width, height } = props;
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.text ?? 'Press play'}>
      <rect x={0.5} y={0.5} width={width - 1} height={height - 1} fill="none" stroke={FAINT} strokeDasharray="4 4" />
      <text x={width / 2} y={height / 2} dy="0.32em" textAnchor="middle" fontFamily={CHART_FONT} fontSize={13} fill="#888888">
        {props.text ?? 'Press play'}
      </text>
    </svg>
  );
}
