import { scaleLinear, scaleLog, schemeTableau10 } from 'd3';
import { useMemo } from 'react';
import type { SweepResult } from '../../../engine/sweep';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { ViewPanel } from '../../../ui/ViewPanel';
import { Axis } from '../../../ui/charts/Axis';
import { cellEdges } from '../../../ui/charts/cellEdges';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { finiteExtent } from '../../../ui/charts/finite';
import { SwatchLegend } from '../../../ui/charts/SwatchLegend';
import { INK, type Margin } from '../../../ui/charts/style';
import { linearTicks, logTicks, type Tick } from '../../../ui/charts/ticks';
import { SUPERPOSITION_ABOUT } from './about';

const WIDTH = 340;
const HEIGHT = 310;
const M: Margin = { top: 10, right: 14, bottom: 72, left: 56 };
const X_RANGE = [M.left, WIDTH - M.right] as const;
const Y_RANGE = [HEIGHT - M.bottom, M.top] as const;

const CLASS_COLORS: Record<string, string> = {
  represented: '#1f77b4',
  superposed: '#d62728',
  ignored: '#cccccc',
};
const classColor = (name: string | undefined, k: number) =>
  (name !== undefined ? CLASS_COLORS[name] : undefined) ?? schemeTableau10[k % schemeTableau10.length]!;

interface AxisModel {
  scale: (v: number) => number;
  ticks: Tick[];
  edges: Array<[number, number]>;
}

/** A log axis over the cells' edges when every value is positive, a linear one otherwise. */
function axisFor(values: number[], range: readonly [number, number]): AxisModel {
  const log = values.length > 0 && values.every((v) => v > 0 && Number.isFinite(v));
  const edges = cellEdges(values, log);
  const [lo, hi] = finiteExtent(edges.flat()) ?? [log ? 1 : 0, log ? 10 : 1];
  if (log) {
    const s = scaleLog().domain([lo, hi]).range(range);
    return { scale: s, ticks: logTicks(s, 4), edges };
  }
  const s = scaleLinear().domain([lo, hi]).range(range);
  return { scale: s, ticks: linearTicks(s, 4), edges };
}

type Props = Pick<LabViewProps, 'sweep' | 'runSweep' | 'sweepProgress'>;

export function PhaseDiagram({ sweep, runSweep, sweepProgress }: Props) {
  const running = sweepProgress !== null;
  return (
    <ViewPanel id="phase" about={SUPERPOSITION_ABOUT.phase} title="Phase diagram (n=2, m=1)">
      <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 4 }}>
        <button type="button" data-testid="run-sweep" disabled={running} onClick={() => runSweep()}>
          Run sweep
        </button>
        {typeof sweepProgress === 'number' ? <progress value={sweepProgress} max={1} /> : null}
      </div>
      {sweep ? <PhaseGrid sweep={sweep} /> : <ChartPlaceholder width={WIDTH} height={HEIGHT} text="Run the sweep to draw it" />}
    </ViewPanel>
  );
}

function PhaseGrid({ sweep }: { sweep: SweepResult }) {
  const x = useMemo(() => axisFor(sweep.xValues, X_RANGE), [sweep.xValues]);
  const y = useMemo(() => axisFor(sweep.yValues, Y_RANGE), [sweep.yValues]);
  const nx = sweep.xValues.length;
  const rects = sweep.cells.map((cls, k) => {
    const ex = x.edges[k % nx];
    const ey = y.edges[Math.floor(k / nx)];
    if (!ex || !ey) return null;
    const [xa, xb] = [x.scale(ex[0]), x.scale(ex[1])];
    const [ya, yb] = [y.scale(ey[0]), y.scale(ey[1])];
    const name = sweep.classes[cls];
    return (
      <rect
        key={k}
        x={Math.min(xa, xb)}
        y={Math.min(ya, yb)}
        width={Math.abs(xb - xa)}
        height={Math.abs(yb - ya)}
        data-class={name ?? String(cls)}
        fill={classColor(name, cls)}
        stroke="#ffffff"
        strokeWidth={0.5}
      >
        <title>{`${sweep.xLabel} ${fmt(sweep.xValues[k % nx])}, ${sweep.yLabel} ${fmt(sweep.yValues[Math.floor(k / nx)])}: ${name ?? cls}`}</title>
      </rect>
    );
  });
  return (
    <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="phase diagram">
      <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
      <g>{rects}</g>
      <rect
        x={X_RANGE[0]}
        y={Y_RANGE[1]}
        width={X_RANGE[1] - X_RANGE[0]}
        height={Y_RANGE[0] - Y_RANGE[1]}
        fill="none"
        stroke={INK}
        strokeWidth={0.5}
      />
      <Axis orient="bottom" scale={x.scale} ticks={x.ticks} position={Y_RANGE[0]} range={X_RANGE} label={sweep.xLabel} />
      <Axis orient="left" scale={y.scale} ticks={y.ticks} position={X_RANGE[0]} range={[Y_RANGE[0], Y_RANGE[1]]} label={sweep.yLabel} />
      <SwatchLegend
        x={M.left}
        y={HEIGHT - 22}
        spacing={92}
        items={sweep.classes.map((label, k) => ({ label, color: classColor(label, k) }))}
      />
    </svg>
  );
}

function fmt(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '?' : String(+v.toPrecision(3));
}
