import { CHART_FONT, INK, LABEL_FONT_SIZE, TICK_FONT_SIZE } from './style';
import type { Tick } from './ticks';

/**
 * A bottom or left axis drawn in JSX from precomputed ticks. `position` is the pixel y of a
 * bottom axis or the pixel x of a left axis; `range` is the pixel span of the axis line.
 */
export function Axis(props: {
  orient: 'bottom' | 'left';
  scale: (v: number) => number;
  ticks: readonly Tick[];
  position: number;
  range: readonly [number, number];
  label?: string;
  tickSize?: number;
}) {
  const { orient, scale, ticks, position, range, label } = props;
  const size = props.tickSize ?? 4;
  const bottom = orient === 'bottom';
  const mid = (range[0] + range[1]) / 2;
  return (
    <g fontFamily={CHART_FONT} fontSize={TICK_FONT_SIZE} fill={INK}>
      {bottom ? (
        <line x1={range[0]} x2={range[1]} y1={position} y2={position} stroke={INK} />
      ) : (
        <line y1={range[0]} y2={range[1]} x1={position} x2={position} stroke={INK} />
      )}
      {ticks.map((t, k) => {
        const p = scale(t.value);
        if (!Number.isFinite(p)) return null;
        const len = t.label ? size : size / 2;
        return bottom ? (
          <g key={k}>
            <line x1={p} x2={p} y1={position} y2={position + len} stroke={INK} />
            {t.label ? (
              <text x={p} y={position + size + 10} textAnchor="middle">
                {t.label}
              </text>
            ) : null}
          </g>
        ) : (
          <g key={k}>
            <line y1={p} y2={p} x1={position} x2={position - len} stroke={INK} />
            {t.label ? (
              <text x={position - size - 2} y={p} dy="0.32em" textAnchor="end">
                {t.label}
              </text>
            ) : null}
          </g>
        );
      })}
      {label ? (
        bottom ? (
          <text x={mid} y={position + size + 26} textAnchor="middle" fontSize={LABEL_FONT_SIZE}>
            {label}
          </text>
        ) : (
          <text transform={`translate(${position - 36},${mid}) rotate(-90)`} textAnchor="middle" fontSize={LABEL_FONT_SIZE}>
            {label}
          </text>
        )
      ) : null}
    </g>
  );
}
