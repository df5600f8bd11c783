import { scaleBand, scaleLinear } from 'd3';
import { useMemo } from 'react';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { ViewPanel } from '../../../ui/ViewPanel';
import { Axis } from '../../../ui/charts/Axis';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { SwatchLegend } from '../../../ui/charts/SwatchLegend';
import { CHART_FONT, GRID, INK, type Margin } from '../../../ui/charts/style';
import { linearTicks } from '../../../ui/charts/ticks';
import { LAYER_NAMES } from '../constants';
import { FEATURE_COLORS, featureLabel, layerIndex, safeReadout, scoreStatus } from './shared';
import { BIAS_ABOUT } from './about';

const WIDTH = 340;
const HEIGHT = 240;
const M: Margin = { top: 28, right: 12, bottom: 40, left: 48 };

type Props = Pick<LabViewProps, 'snapshot' | 'params' | 'viewState'>;

/**
 * Variance explained by each feature, grouped by layer (the chosen one outlined): the scored shares
 * once every feature is ≥ 99% accurate, the latest probe's until then.
 */
export function VarianceBars({ snapshot, params, viewState }: Props) {
  const r = useMemo(() => safeReadout(snapshot, params), [snapshot, params]);
  const layer = layerIndex(viewState);
  if (!r) {
    return (
      <ViewPanel id="bars" about={BIAS_ABOUT.bars} title="Variance explained by layer">
        <ChartPlaceholder width={WIDTH} height={HEIGHT} />
      </ViewPanel>
    );
  }
  const isScored = Number.isFinite(r.scored.step);
  const shares = isScored ? r.scored.r2 : r.r2;
  const top = Math.max(
    0.1,
    ...shares
      .flat()
      .filter(Number.isFinite)
      .map((v) => Math.min(1, v * 1.15)),
  );
  const y = scaleLinear()
    .domain([0, top])
    .range([HEIGHT - M.bottom, M.top])
    .nice();
  const groups = scaleBand<number>()
    .domain(shares.map((_, l) => l))
    .range([M.left, WIDTH - M.right])
    .padding(0.2);
  const bars = scaleBand<number>()
    .domain(r.features.map((_, f) => f))
    .range([0, groups.bandwidth()])
    .padding(0.08);
  const li = r.features.indexOf('linear');
  const pi = r.features.indexOf('parity');
  const ratio = shares[layer]![li]! / shares[layer]![pi]!;
  return (
    <ViewPanel
      id="bars"
      about={BIAS_ABOUT.bars}
      title="Variance explained by layer"
      caption={`${scoreStatus(r)} ${isScored ? 'Scored' : 'Latest'} in ${LAYER_NAMES[layer]}: bit / XOR = ${Number.isFinite(ratio) ? ratio.toFixed(1) : '—'}×.`}
    >
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label="variance explained per feature and layer"
      >
        <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
        {linearTicks(y, 5).map((t) => (
          <line key={t.value} x1={M.left} x2={WIDTH - M.right} y1={y(t.value)} y2={y(t.value)} stroke={GRID} />
        ))}
        <Axis
          orient="left"
          scale={y}
          ticks={linearTicks(y, 5)}
          position={M.left}
          range={[HEIGHT - M.bottom, M.top]}
          label="variance explained"
        />
        <line x1={M.left} x2={WIDTH - M.right} y1={HEIGHT - M.bottom} y2={HEIGHT - M.bottom} stroke={INK} />
        {shares.map((row, l) => (
          <g key={l} transform={`translate(${groups(l)},0)`}>
            {l === layer ? (
              <rect
                x={-3}
                y={M.top - 4}
                width={groups.bandwidth() + 6}
                height={HEIGHT - M.bottom - M.top + 4}
                fill="none"
                stroke={INK}
                strokeDasharray="3 3"
              />
            ) : null}
            {row.map((v, f) => {
              const kind = r.features[f]!;
              const h = Number.isFinite(v) ? Math.max(0, HEIGHT - M.bottom - y(Math.min(v, top))) : 0;
              return (
                <rect
                  key={kind}
                  x={bars(f)}
                  y={HEIGHT - M.bottom - h}
                  width={bars.bandwidth()}
                  height={h}
                  fill={FEATURE_COLORS[kind]}
                  stroke={INK}
                  strokeWidth={0.5}
                  data-testid={`bar-${LAYER_NAMES[l]}-${kind}`}
                  data-value={Number.isFinite(v) ? v.toFixed(4) : 'NaN'}
                  data-scored={isScored ? 'true' : 'false'}
                >
                  <title>{`${LAYER_NAMES[l]}, ${featureLabel(kind, params)}: ${Number.isFinite(v) ? v.toFixed(3) : '—'}`}</title>
                </rect>
              );
            })}
            <text
              x={groups.bandwidth() / 2}
              y={HEIGHT - M.bottom + 14}
              textAnchor="middle"
              fontFamily={CHART_FONT}
              fontSize={10}
              fill={INK}
            >
              {LAYER_NAMES[l]}
              {l === LAYER_NAMES.length - 1 ? ' (penult.)' : ''}
            </text>
          </g>
        ))}
        <SwatchLegend
          x={M.left}
          y={6}
          spacing={90}
          items={r.features.map((k) => ({ label: featureLabel(k, params), color: FEATURE_COLORS[k] }))}
        />
      </svg>
    </ViewPanel>
  );
}
