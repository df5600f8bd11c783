import { scaleLinear } from 'd3';
import { ViewPanel, type ViewAbout } from '../../../ui/ViewPanel';
import { Axis } from '../../../ui/charts/Axis';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { SwatchLegend } from '../../../ui/charts/SwatchLegend';
import { indexColor } from '../../../ui/charts/indexColor';
import { linearTicks } from '../../../ui/charts/ticks';
import { CHART_FONT, GRID, INK, TICK_FONT_SIZE } from '../../../ui/charts/style';

const HEIGHT = 250;
const M = { top: 14, right: 12, bottom: 46, left: 48 };

export interface BarData {
  /** One group of bars per entry (x axis). */
  groups: readonly { key: string; label: string }[];
  /** One bar per series in every group (legend). */
  series: readonly { key: string; label: string }[];
  /** [group][series]; NaN draws nothing. */
  values: readonly (readonly number[])[];
}

/**
 * Grouped bars with an optional horizontal reference line across the whole chart (e.g. the
 * rotation null at 1). Bars carry data-group / data-series / data-value for tests.
 */
export function GroupedBars(props: {
  id: string;
  title: string;
  yLabel: string;
  data: BarData | null;
  domain: [number, number];
  reference?: { value: number; label: string };
  format?: (v: number) => string;
  caption?: string;
  about?: ViewAbout;
  placeholder?: string;
}) {
  const { data } = props;
  const fmt = props.format ?? ((v: number) => v.toFixed(3));
  const groups = data?.groups.length ?? 2;
  const nSeries = data?.series.length ?? 2;
  const width = Math.max(320, M.left + M.right + groups * Math.max(90, nSeries * 26));
  if (!data) {
    return (
      <ViewPanel id={props.id} about={props.about} title={props.title}>
        <ChartPlaceholder width={width} height={HEIGHT} text={props.placeholder ?? 'Fitting maps…'} />
      </ViewPanel>
    );
  }
  const innerW = width - M.left - M.right;
  const innerH = HEIGHT - M.top - M.bottom;
  const [lo, hi] = props.domain;
  const y = scaleLinear()
    .domain([lo, hi])
    .range([M.top + innerH, M.top])
    .clamp(true);
  const base = y(Math.min(Math.max(0, lo), hi));
  const groupW = innerW / groups;
  const barW = (groupW * 0.8) / nSeries;
  const color = (s: number) => indexColor(s, nSeries);
  const ref = props.reference;
  return (
    <ViewPanel id={props.id} about={props.about} title={props.title} caption={props.caption}>
      <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={props.title}>
        <title>{props.title}</title>
        <rect width={width} height={HEIGHT} fill="#ffffff" />
        {linearTicks(y, 5).map((t) => (
          <line key={t.value} x1={M.left} x2={width - M.right} y1={y(t.value)} y2={y(t.value)} stroke={GRID} />
        ))}
        {data.groups.map((g, gi) => {
          const x0 = M.left + gi * groupW + groupW * 0.1;
          return (
            <g key={g.key}>
              {data.series.map((s, si) => {
                const v = data.values[gi]?.[si] ?? NaN;
                if (!Number.isFinite(v)) return null;
                const top = y(v);
                return (
                  <rect
                    key={s.key}
                    data-testid={`bar-${props.id}`}
                    data-group={g.key}
                    data-series={s.key}
                    data-value={v.toFixed(4)}
                    x={x0 + si * barW}
                    y={Math.min(top, base)}
                    width={Math.max(1, barW - 1)}
                    height={Math.abs(base - top)}
                    fill={color(si)}
                  >
                    <title>{`${g.label}, ${s.label}: ${fmt(v)}`}</title>
                  </rect>
                );
              })}
              <text
                x={x0 + (nSeries * barW) / 2}
                y={M.top + innerH + 14}
                textAnchor="middle"
                fontFamily={CHART_FONT}
                fontSize={TICK_FONT_SIZE + 1}
                fill={INK}
              >
                {g.label}
              </text>
            </g>
          );
        })}
        {ref && ref.value >= lo && ref.value <= hi ? (
          <line
            data-testid={`reference-${props.id}`}
            x1={M.left}
            x2={width - M.right}
            y1={y(ref.value)}
            y2={y(ref.value)}
            stroke={INK}
            strokeDasharray="5 3"
            strokeWidth={1.5}
          >
            <title>{`${ref.label}: ${fmt(ref.value)}`}</title>
          </line>
        ) : null}
        <Axis orient="left" scale={y} ticks={linearTicks(y, 5)} position={M.left} range={[M.top, M.top + innerH]} label={props.yLabel} />
        <line x1={M.left} x2={width - M.right} y1={base} y2={base} stroke={INK} />
        <SwatchLegend
          x={M.left}
          y={HEIGHT - 16}
          items={data.series.map((s, si) => ({ label: s.label, color: color(si) }))}
          spacing={Math.min(130, innerW / nSeries)}
        />
      </svg>
    </ViewPanel>
  );
}
