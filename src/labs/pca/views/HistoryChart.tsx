import { line, scaleLinear } from 'd3';
import type { ReactNode } from 'react';
import { ViewPanel, type ViewAbout } from '../../../ui/ViewPanel';
import { Axis } from '../../../ui/charts/Axis';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { CHART_FONT, FAINT, INK, type Margin } from '../../../ui/charts/style';
import { linearTicks } from '../../../ui/charts/ticks';

const WIDTH = 340;
const HEIGHT = 220;
const M: Margin = { top: 14, right: 14, bottom: 40, left: 56 };
const X_RANGE = [M.left, WIDTH - M.right] as const;
const Y_RANGE = [HEIGHT - M.bottom, M.top] as const;

/** A value over training steps against a dashed reference line (the optimum, or the null). */
export function HistoryChart(props: {
  id: string;
  title: string;
  about: ViewAbout;
  points: ReadonlyArray<[number, number]>;
  reference: number | null;
  referenceLabel: string;
  yLabel: string;
  /** Fixed y domain (e.g. [0, 1]); otherwise from the points and the reference, from 0. */
  yDomain?: [number, number];
  caption?: ReactNode;
  testId: string;
}) {
  const { points, reference } = props;
  if (points.length === 0) {
    return (
      <ViewPanel id={props.id} about={props.about} title={props.title}>
        <ChartPlaceholder width={WIDTH} height={HEIGHT} />
      </ViewPanel>
    );
  }
  const x0 = points[0]![0];
  const last = points[points.length - 1]!;
  const x = scaleLinear()
    .domain([x0, Math.max(last[0], x0 + 1)])
    .range(X_RANGE);
  const top = Math.max(...points.map(([, v]) => v), reference ?? 0);
  const y = scaleLinear()
    .domain(props.yDomain ?? [0, top > 0 ? top * 1.05 : 1])
    .range(Y_RANGE)
    .nice();
  const path = line<[number, number]>()
    .x(([s]) => x(s))
    .y(([, v]) => y(v))(points as Array<[number, number]>);
  return (
    <ViewPanel id={props.id} about={props.about} title={props.title} caption={props.caption}>
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={props.title}>
        <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
        <Axis orient="bottom" scale={x} ticks={linearTicks(x, 5)} position={Y_RANGE[0]} range={X_RANGE} label="step" />
        <Axis
          orient="left"
          scale={y}
          ticks={linearTicks(y, 5)}
          position={X_RANGE[0]}
          range={[Y_RANGE[0], Y_RANGE[1]]}
          label={props.yLabel}
        />
        {reference !== null && Number.isFinite(reference) ? (
          <>
            <line
              x1={X_RANGE[0]}
              x2={X_RANGE[1]}
              y1={y(reference)}
              y2={y(reference)}
              stroke={FAINT}
              strokeWidth={1.5}
              strokeDasharray="5 3"
            />
            <text x={X_RANGE[1]} y={y(reference) - 4} textAnchor="end" fontFamily={CHART_FONT} fontSize={10} fill={INK}>
              {props.referenceLabel}
            </text>
          </>
        ) : null}
        <path d={path ?? ''} fill="none" stroke="#1f77b4" strokeWidth={1.5} />
        <text x={X_RANGE[0] + 6} y={M.top + 10} fontFamily={CHART_FONT} fontSize={10} fill={INK} data-testid={props.testId}>
          {last[1].toFixed(4)}
        </text>
      </svg>
    </ViewPanel>
  );
}
