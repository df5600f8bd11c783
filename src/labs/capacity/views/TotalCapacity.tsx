import { line, scaleLinear } from 'd3';
import { useMemo, useRef } from 'react';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { ViewPanel } from '../../../ui/ViewPanel';
import { Axis } from '../../../ui/charts/Axis';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { decimate } from '../../../ui/charts/decimate';
import { CHART_FONT, FAINT, INK, type Margin } from '../../../ui/charts/style';
import { linearTicks } from '../../../ui/charts/ticks';
import { capacityData, REGIME_COLOR } from './shared';
import { CAPACITY_ABOUT } from './about';

const WIDTH = 380;
const HEIGHT = 240;
const M: Margin = { top: 20, right: 14, bottom: 40, left: 44 };
const BAR_W = 34;
const BAR_X = M.left + 8;
const LINE_X = [BAR_X + BAR_W + 44, WIDTH - M.right] as const;
const Y_RANGE = [HEIGHT - M.bottom, M.top] as const;
const MAX_HISTORY = 2000;

type Props = Pick<LabViewProps, 'snapshot' | 'metrics' | 'params'>;

/**
 * Σ C_i against m: a column stacking every feature's capacity (coloured by regime) under the
 * ceiling m, and Σ C_i over training.
 */
export function TotalCapacity({ snapshot, metrics, params }: Props) {
  const data = useMemo(() => capacityData(snapshot, metrics, params), [snapshot, metrics, params]);
  const history = useRef<Array<[number, number]>>([]);
  const points = useMemo(() => {
    if (!data || !snapshot) return history.current;
    const h = history.current;
    // A new run (step went back) starts a new history.
    if (h.length && h[h.length - 1]![0] > snapshot.step) h.length = 0;
    if (!h.length || h[h.length - 1]![0] < snapshot.step) h.push([snapshot.step, data.total]);
    if (h.length > MAX_HISTORY) history.current = decimate(h, MAX_HISTORY / 2);
    return history.current.slice();
  }, [data, snapshot]);

  if (!data) {
    return (
      <ViewPanel id="total" about={CAPACITY_ABOUT.total} title="Total capacity Σ C_i against m">
        <ChartPlaceholder width={WIDTH} height={HEIGHT} />
      </ViewPanel>
    );
  }
  const top = Math.max(data.m, data.total) * 1.1;
  const y = scaleLinear().domain([0, top]).range(Y_RANGE);
  const lastStep = points.length ? points[points.length - 1]![0] : 1;
  const x = scaleLinear()
    .domain([points[0]?.[0] ?? 0, Math.max(lastStep, (points[0]?.[0] ?? 0) + 1)])
    .range(LINE_X);
  const path = line<[number, number]>()
    .x(([s]) => x(s))
    .y(([, t]) => y(t))(points);
  let acc = 0;
  const segments = data.capacity.map((c, i) => {
    const h = Number.isFinite(c) ? Math.max(0, c) : 0;
    const y0 = y(acc);
    acc += h;
    return (
      <rect
        key={i}
        x={BAR_X}
        width={BAR_W}
        y={y(acc)}
        height={Math.max(0, y0 - y(acc))}
        fill={REGIME_COLOR[data.regimes[i]!]}
        stroke="#ffffff"
        strokeWidth={0.5}
      >
        <title>{`feature ${i}: C = ${h.toFixed(3)}`}</title>
      </rect>
    );
  });
  return (
    <ViewPanel
      id="total"
      about={CAPACITY_ABOUT.total}
      title="Total capacity Σ C_i against m"
      caption="Σ C_i ≤ m always; a model that uses every dimension reaches m."
    >
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="total capacity">
        <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
        <Axis orient="left" scale={y} ticks={linearTicks(y, 5)} position={M.left} range={[Y_RANGE[0], Y_RANGE[1]]} label="Σ C_i" />
        <g>{segments}</g>
        <line x1={M.left} x2={LINE_X[1]} y1={y(data.m)} y2={y(data.m)} stroke={INK} strokeDasharray="5 3" />
        <text x={LINE_X[1]} y={y(data.m) - 4} textAnchor="end" fontFamily={CHART_FONT} fontSize={10} fill={INK}>{`m = ${data.m}`}</text>
        <text
          x={BAR_X + BAR_W / 2}
          y={Y_RANGE[0] + 14}
          textAnchor="middle"
          fontFamily={CHART_FONT}
          fontSize={10}
          fill={INK}
          data-testid="total-capacity"
        >
          {data.total.toFixed(2)}
        </text>
        <Axis orient="bottom" scale={x} ticks={linearTicks(x, 4)} position={Y_RANGE[0]} range={LINE_X} label="step" />
        <line x1={LINE_X[0]} x2={LINE_X[0]} y1={Y_RANGE[0]} y2={Y_RANGE[1]} stroke={FAINT} />
        <path d={path ?? ''} fill="none" stroke="#2ca02c" strokeWidth={1.5} />
      </svg>
    </ViewPanel>
  );
}
