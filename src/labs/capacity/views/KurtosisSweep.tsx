import { area, line, scaleLinear, scaleLog } from 'd3';
import { useMemo } from 'react';
import type { SweepResult } from '../../../engine/sweep';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { ViewPanel } from '../../../ui/ViewPanel';
import { Axis } from '../../../ui/charts/Axis';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { finiteExtent } from '../../../ui/charts/finite';
import { SwatchLegend } from '../../../ui/charts/SwatchLegend';
import { CHART_FONT, FAINT, INK, type Margin } from '../../../ui/charts/style';
import { linearTicks, logTicks } from '../../../ui/charts/ticks';
import { REGIME_COLOR } from './shared';
import { CAPACITY_ABOUT } from './about';

const WIDTH = 380;
const HEIGHT = 270;
const M: Margin = { top: 14, right: 14, bottom: 64, left: 48 };
const X_RANGE = [M.left, WIDTH - M.right] as const;
const Y_RANGE = [HEIGHT - M.bottom, M.top] as const;
const SERIES_COLOR: Record<string, string> = {
  polysemantic: REGIME_COLOR.poly,
  monosemantic: REGIME_COLOR.mono,
  ignored: REGIME_COLOR.ignored,
};

type Props = Pick<LabViewProps, 'sweep' | 'runSweep' | 'sweepProgress'>;

export function KurtosisSweep({ sweep, runSweep, sweepProgress }: Props) {
  const running = sweepProgress !== null;
  const usable = sweep?.series?.length ? sweep : null;
  return (
    <ViewPanel
      id="sweep"
      about={CAPACITY_ABOUT.sweep}
      title="Polysemantic fraction against kurtosis"
      caption="A row of models (8 kurtosis values × 4 replicates, current n, m, r and model) trained together; mean ± sd over replicates."
    >
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 4 }}>
        <button type="button" data-testid="run-sweep" disabled={running} onClick={() => runSweep()}>
          Run sweep
        </button>
        {typeof sweepProgress === 'number' ? <progress data-testid="sweep-progress" value={sweepProgress} max={1} /> : null}
      </div>
      {usable ? <SweepChart sweep={usable} /> : <ChartPlaceholder width={WIDTH} height={HEIGHT} text="Run the sweep to draw it" />}
    </ViewPanel>
  );
}

function SweepChart({ sweep }: { sweep: SweepResult }) {
  const series = useMemo(() => sweep.series ?? [], [sweep.series]);
  const x = useMemo(() => {
    const [lo, hi] = finiteExtent(series.flatMap((s) => s.x).filter((v) => v > 0)) ?? [1, 30];
    return scaleLog()
      .domain(hi > lo ? [lo, hi] : [lo / 2, hi * 2])
      .range(X_RANGE);
  }, [series]);
  const y = scaleLinear().domain([0, 1]).range(Y_RANGE);
  const gaussian = x.domain()[0]! <= 3 && x.domain()[1]! >= 3;
  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="polysemantic fraction against kurtosis">
      <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
      {gaussian ? (
        <g>
          <line x1={x(3)} x2={x(3)} y1={Y_RANGE[0]} y2={Y_RANGE[1]} stroke={FAINT} strokeDasharray="4 3" />
          <text x={x(3) + 3} y={Y_RANGE[1] + 10} fontFamily={CHART_FONT} fontSize={9} fill="#777777">
            Gaussian K=3
          </text>
        </g>
      ) : null}
      {series.map((s) => {
        const color = SERIES_COLOR[s.label] ?? INK;
        const pts = s.x.map((xv, i) => [xv, s.y[i]!, s.spread?.[i] ?? 0] as const).filter(([xv, yv]) => xv > 0 && Number.isFinite(yv));
        const band = area<readonly [number, number, number]>()
          .x(([xv]) => x(xv))
          .y0(([, yv, sd]) => y(Math.max(0, yv - sd)))
          .y1(([, yv, sd]) => y(Math.min(1, yv + sd)))(pts);
        const path = line<readonly [number, number, number]>()
          .x(([xv]) => x(xv))
          .y(([, yv]) => y(yv))(pts);
        return (
          <g key={s.label}>
            <path d={band ?? ''} fill={color} fillOpacity={0.15} stroke="none" />
            <path d={path ?? ''} fill="none" stroke={color} strokeWidth={s.label === 'polysemantic' ? 2 : 1.2} />
            {pts.map(([xv, yv, sd], i) => (
              <circle
                key={i}
                data-testid={`sweep-point-${s.label}`}
                data-y={yv.toFixed(4)}
                cx={x(xv)}
                cy={y(yv)}
                r={s.label === 'polysemantic' ? 3.5 : 2.5}
                fill={color}
              >
                <title>{`K = ${xv.toFixed(2)}: ${s.label} ${yv.toFixed(2)} ± ${sd.toFixed(2)}`}</title>
              </circle>
            ))}
          </g>
        );
      })}
      <Axis orient="bottom" scale={x} ticks={logTicks(x, 5)} position={Y_RANGE[0]} range={X_RANGE} label={sweep.xLabel} />
      <Axis orient="left" scale={y} ticks={linearTicks(y, 5)} position={X_RANGE[0]} range={[Y_RANGE[0], Y_RANGE[1]]} label={sweep.yLabel} />
      <SwatchLegend
        x={M.left}
        y={HEIGHT - 18}
        spacing={104}
        items={series.map((s) => ({ label: s.label, color: SERIES_COLOR[s.label] ?? INK }))}
      />
    </svg>
  );
}
