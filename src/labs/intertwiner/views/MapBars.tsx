import { scaleLinear } from 'd3';
import { MAP_KINDS, MAP_LABELS } from '../../../analysis/alignment';
import { ViewPanel, type ViewAbout } from '../../../ui/ViewPanel';
import { Axis } from '../../../ui/charts/Axis';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { SwatchLegend } from '../../../ui/charts/SwatchLegend';
import { indexColor } from '../../../ui/charts/indexColor';
import { linearTicks } from '../../../ui/charts/ticks';
import { CHART_FONT, GRID, INK, TICK_FONT_SIZE } from '../../../ui/charts/style';
import { ACTIVATION_LABELS, type ActivationId } from '../activations';

const HEIGHT = 270;
const M = { top: 14, right: 12, bottom: 62, left: 44 };

export const mapColor = (k: number) => indexColor(k, MAP_KINDS.length);

/**
 * Grouped bars: one group per activation, one bar per alignment map. `reference` draws a dashed
 * tick per group (e.g. network B's own accuracy).
 */
export function MapBars(props: {
  id: string;
  title: string;
  yLabel: string;
  activations: readonly ActivationId[] | null;
  /** [activation][map] */
  values: number[][] | null;
  domain: [number, number];
  reference?: number[];
  referenceLabel?: string;
  caption?: string;
  about?: ViewAbout;
}) {
  const { activations, values } = props;
  const groups = activations?.length ?? 1;
  const width = Math.max(340, M.left + M.right + groups * 150);
  if (!activations || !values) {
    return (
      <ViewPanel id={props.id} about={props.about} title={props.title}>
        <ChartPlaceholder width={width} height={HEIGHT} text="Fitting maps…" />
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
  const groupW = innerW / groups;
  const barW = (groupW * 0.8) / MAP_KINDS.length;
  return (
    <ViewPanel id={props.id} about={props.about} title={props.title} caption={props.caption}>
      <svg width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label={props.title}>
        <rect width={width} height={HEIGHT} fill="#ffffff" />
        {linearTicks(y, 5).map((t) => (
          <line key={t.value} x1={M.left} x2={width - M.right} y1={y(t.value)} y2={y(t.value)} stroke={GRID} />
        ))}
        {activations.map((act, a) => {
          const x0 = M.left + a * groupW + groupW * 0.1;
          const ref = props.reference?.[a];
          return (
            <g key={act}>
              {values[a]!.map((v, k) => {
                const finite = Number.isFinite(v);
                const top = finite ? y(Math.min(Math.max(v, lo), hi)) : y(lo);
                return (
                  <rect
                    key={k}
                    data-testid={`bar-${props.id}`}
                    data-act={act}
                    data-map={MAP_KINDS[k]}
                    data-value={finite ? v.toFixed(4) : 'NaN'}
                    x={x0 + k * barW}
                    y={top}
                    width={Math.max(1, barW - 1)}
                    height={Math.max(0, y(lo) - top)}
                    fill={mapColor(k)}
                  >
                    <title>{`${ACTIVATION_LABELS[act]}, ${MAP_LABELS[MAP_KINDS[k]!]}: ${finite ? v.toFixed(4) : 'NaN'}`}</title>
                  </rect>
                );
              })}
              {ref !== undefined && Number.isFinite(ref) ? (
                <line x1={x0 - 3} x2={x0 + MAP_KINDS.length * barW + 2} y1={y(ref)} y2={y(ref)} stroke={INK} strokeDasharray="4 3">
                  <title>{`${props.referenceLabel ?? 'reference'}: ${ref.toFixed(3)}`}</title>
                </line>
              ) : null}
              <text
                x={x0 + (MAP_KINDS.length * barW) / 2}
                y={M.top + innerH + 14}
                textAnchor="middle"
                fontFamily={CHART_FONT}
                fontSize={TICK_FONT_SIZE + 1}
                fill={INK}
              >
                {ACTIVATION_LABELS[act]}
              </text>
            </g>
          );
        })}
        <Axis orient="left" scale={y} ticks={linearTicks(y, 5)} position={M.left} range={[M.top, M.top + innerH]} label={props.yLabel} />
        <line x1={M.left} x2={width - M.right} y1={M.top + innerH} y2={M.top + innerH} stroke={INK} />
        <SwatchLegend
          x={M.left}
          y={HEIGHT - 34}
          items={MAP_KINDS.slice(0, 3).map((k, i) => ({ label: MAP_LABELS[k], color: mapColor(i) }))}
          spacing={96}
        />
        <SwatchLegend
          x={M.left}
          y={HEIGHT - 18}
          items={MAP_KINDS.slice(3).map((k, i) => ({ label: MAP_LABELS[k], color: mapColor(i + 3) }))}
          spacing={96}
        />
      </svg>
    </ViewPanel>
  );
}
