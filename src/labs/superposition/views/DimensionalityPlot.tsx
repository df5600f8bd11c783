import { scaleLinear } from 'd3';
import { useMemo } from 'react';
import { STICKY_FRACTIONS } from '../../../analysis/dimensionality';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { ViewPanel } from '../../../ui/ViewPanel';
import { Axis } from '../../../ui/charts/Axis';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { indexColor } from '../../../ui/charts/indexColor';
import { CHART_FONT, FAINT, INK, type Margin } from '../../../ui/charts/style';
import { linearTicks } from '../../../ui/charts/ticks';
import { DimensionalityTable } from './DimensionalityTable';
import { featureStats } from './featureStats';
import { snapshotWeights } from './weights';
import { SUPERPOSITION_ABOUT } from './about';
import { dimensionalityState } from './dimensionality-caption';

const WIDTH = 340;
const HEIGHT = 260;
const M: Margin = { top: 12, right: 34, bottom: 44, left: 48 };
const X_RANGE = [M.left, WIDTH - M.right] as const;
const Y_RANGE = [HEIGHT - M.bottom, M.top] as const;

/** Sticky-fraction reference lines, their labels staggered sideways where lines crowd. */
function stickyLabels(y: (v: number) => number) {
  let lastY = -Infinity;
  let lastShift = 0;
  return [...STICKY_FRACTIONS]
    .sort((a, b) => b.value - a.value)
    .map((f) => {
      const py = y(f.value);
      const shift = Math.abs(py - lastY) < 9 && lastShift === 0 ? 16 : 0;
      lastY = py;
      lastShift = shift;
      return { label: f.label, y: py, shift };
    });
}

type Props = Pick<LabViewProps, 'snapshot' | 'metrics'>;

export function DimensionalityPlot({ snapshot, metrics }: Props) {
  const w = useMemo(() => snapshotWeights(snapshot), [snapshot]);
  const stats = useMemo(() => (w ? featureStats(metrics, w) : null), [metrics, w]);
  const dpf = stats?.dimsPerFeature ?? NaN;
  const x = useMemo(
    () =>
      scaleLinear()
        .domain([0, Number.isFinite(dpf) ? Math.max(1.2, dpf * 1.1) : 1.2])
        .range(X_RANGE),
    [dpf],
  );
  const y = useMemo(() => scaleLinear().domain([0, 1.05]).range(Y_RANGE), []);

  if (!stats) {
    return (
      <ViewPanel id="dimensionality" about={SUPERPOSITION_ABOUT.dimensionality} title="Feature dimensionality">
        <ChartPlaceholder width={WIDTH} height={HEIGHT} />
      </ViewPanel>
    );
  }

  const n = stats.dimensionality.length;
  const jitter = Math.min(4, 40 / Math.max(1, n));
  return (
    <ViewPanel
      id="dimensionality"
      about={SUPERPOSITION_ABOUT.dimensionality}
      title="Feature dimensionality"
      caption={dimensionalityState(stats.dimensionality)}
    >
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="feature dimensionality scatter">
        <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
        {stickyLabels(y).map((f) => (
          <g key={f.label}>
            <line x1={X_RANGE[0]} x2={X_RANGE[1]} y1={f.y} y2={f.y} stroke={FAINT} strokeDasharray="4 3" />
            <text x={X_RANGE[1] + 3 + f.shift} y={f.y} dy="0.32em" fontFamily={CHART_FONT} fontSize={9} fill="#777777">
              {f.label}
            </text>
          </g>
        ))}
        <Axis orient="bottom" scale={x} ticks={linearTicks(x, 5)} position={Y_RANGE[0]} range={X_RANGE} label="m / ‖W‖²_F" />
        <Axis orient="left" scale={y} ticks={linearTicks(y, 5)} position={X_RANGE[0]} range={[Y_RANGE[0], Y_RANGE[1]]} label="D_i" />
        {Number.isFinite(dpf)
          ? stats.dimensionality.map((d, i) =>
              Number.isFinite(d) ? (
                <circle
                  key={i}
                  cx={x(dpf) + (i - (n - 1) / 2) * jitter}
                  cy={y(Math.min(1.05, Math.max(0, d)))}
                  r={4}
                  fill={indexColor(i, n)}
                  fillOpacity={0.85}
                  stroke={INK}
                  strokeWidth={0.5}
                >
                  <title>{`feature ${i}: D = ${d.toFixed(3)}`}</title>
                </circle>
              ) : null,
            )
          : null}
      </svg>
      <DimensionalityTable stats={stats} />
    </ViewPanel>
  );
}
