import { format } from 'd3';
import { useMemo } from 'react';
import { gram } from '../../../analysis/dimensionality';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { ViewPanel } from '../../../ui/ViewPanel';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { RampLegend } from '../../../ui/charts/RampLegend';
import { HeatmapImage } from '../../../ui/charts/HeatmapImage';
import { divergingColor } from '../../../ui/charts/heatmap-pixels';
import { CHART_FONT, INK } from '../../../ui/charts/style';
import { snapshotWeights } from './weights';
import { SUPERPOSITION_ABOUT } from './about';

const WIDTH = 300;
const HEIGHT = 340;
const LEFT = 24;
const TOP = 20;
const SIDE = WIDTH - LEFT - 12;
const legendFormat = format('.2~f');

export function GramHeatmap({ snapshot }: Pick<LabViewProps, 'snapshot'>) {
  const w = useMemo(() => snapshotWeights(snapshot), [snapshot]);
  const g = useMemo(() => (w ? gram(w) : null), [w]);
  const max = useMemo(() => {
    let mx = 0;
    if (g) for (const v of g) if (Number.isFinite(v)) mx = Math.max(mx, Math.abs(v));
    return mx > 0 ? mx : 1;
  }, [g]);

  if (!w || !g) {
    return (
      <ViewPanel id="gram" about={SUPERPOSITION_ABOUT.gram} title="WᵀW">
        <ChartPlaceholder width={WIDTH} height={HEIGHT} />
      </ViewPanel>
    );
  }

  const n = w.cols;
  const cell = SIDE / n;
  const color = divergingColor(max);
  const labelSize = 9;
  // Every feature gets a label while the digits fit in a cell; otherwise every `labelEvery`-th.
  const labelEvery = Math.max(1, Math.ceil((String(n - 1).length * 6) / cell));
  const showLabels = true;
  const describe = (i: number, j: number) => {
    const v = g[i * n + j]!;
    return `W_${i}·W_${j} = ${Number.isFinite(v) ? v.toFixed(4) : 'NaN'}`;
  };

  return (
    <ViewPanel id="gram" about={SUPERPOSITION_ABOUT.gram} title="WᵀW">
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Gram matrix of ${n} features`}>
        <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
        <HeatmapImage x={LEFT} y={TOP} side={SIDE} n={n} values={g} max={max} describe={describe} testId="gram-cells" />
        <rect x={LEFT} y={TOP} width={SIDE} height={SIDE} fill="none" stroke={INK} strokeWidth={0.5} />
        {showLabels ? (
          <g fontFamily={CHART_FONT} fontSize={labelSize} fill={INK}>
            {Array.from({ length: n }, (_, k) => k)
              .filter((k) => k % labelEvery === 0)
              .map((k) => (
                <g key={k}>
                  <text x={LEFT + (k + 0.5) * cell} y={TOP - 5} textAnchor="middle">
                    {k}
                  </text>
                  <text x={LEFT - 5} y={TOP + (k + 0.5) * cell} dy="0.32em" textAnchor="end">
                    {k}
                  </text>
                </g>
              ))}
          </g>
        ) : null}
        <RampLegend x={LEFT + SIDE / 4} y={TOP + SIDE + 22} width={SIDE / 2} domain={[-max, max]} color={color} format={legendFormat} />
      </svg>
    </ViewPanel>
  );
}
