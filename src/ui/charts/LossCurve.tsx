import { line, scaleLinear, scaleLog } from 'd3';
import { useMemo } from 'react';
import type { LabViewProps } from '../lab-view-types';
import { ViewPanel, type ViewAbout } from '../ViewPanel';
import { Axis } from './Axis';
import { ChartPlaceholder } from './ChartPlaceholder';
import { decimate } from './decimate';
import { finiteExtent } from './finite';
import { CHART_FONT, INK, type Margin } from './style';
import { linearTicks, logTicks } from './ticks';

const WIDTH = 340;
const HEIGHT = 220;
const M: Margin = { top: 14, right: 14, bottom: 40, left: 56 };
const X_RANGE = [M.left, WIDTH - M.right] as const;
const Y_RANGE = [HEIGHT - M.bottom, M.top] as const;
const MAX_POINTS = 1000;

type Props = Pick<LabViewProps, 'lossHistory' | 'snapshot'>;

/** Finite points with non-positive losses clamped to the smallest positive one (log axis). */
function plottable(history: LabViewProps['lossHistory']): Array<[number, number]> {
  const finite = history.filter(([s, l]) => Number.isFinite(s) && Number.isFinite(l));
  const minPos = finiteExtent(finite.map(([, l]) => l).filter((l) => l > 0))?.[0] ?? 1e-12;
  return decimate(finite, MAX_POINTS).map(([s, l]) => [s, l > 0 ? l : minPos]);
}

const LOSS_ABOUT: ViewAbout = {
  plotted: 'The training loss the lab minimises, read back every few steps (log scale when it spans decades).',
  formula: 'the lab’s own objective (see its section of the README), averaged over a batch',
  read: 'Falling: learning. Plateaus then drops: the model reorganising (a new feature learned, a polytope forming). A sudden jump of many decades stops the run as diverged.',
  tryThis: 'Raise the learning rate until the run diverges, and watch it pause and restore the last finite snapshot.',
  paper: 'Every lab: the loss of the model its paper trains.',
};
export function LossCurve({ lossHistory, snapshot }: Props) {
  const points = useMemo(() => plottable(lossHistory), [lossHistory]);
  const chart = useMemo(() => {
    if (points.length === 0) return null;
    const [x0, x1] = finiteExtent(points.map(([s]) => s))!;
    const [y0, y1] = finiteExtent(points.map(([, l]) => l))!;
    const x = scaleLinear()
      .domain([x0, x1 > x0 ? x1 : x0 + 1])
      .range(X_RANGE);
    const y = scaleLog()
      .domain(y1 > y0 ? [y0, y1] : [y0 / 2, y1 * 2])
      .range(Y_RANGE)
      .nice();
    const path = line<[number, number]>()
      .x(([s]) => x(s))
      .y(([, l]) => y(l))(points);
    return { x, y, path };
  }, [points]);

  if (!chart) {
    return (
      <ViewPanel id="loss" about={LOSS_ABOUT} title="Loss">
        <ChartPlaceholder width={WIDTH} height={HEIGHT} text={snapshot ? 'No loss yet' : 'Press play'} />
      </ViewPanel>
    );
  }
  const { x, y, path } = chart;
  const last = points[points.length - 1]!;
  return (
    <ViewPanel id="loss" about={LOSS_ABOUT} title="Loss">
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="loss curve">
        <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
        <Axis orient="bottom" scale={x} ticks={linearTicks(x, 5)} position={Y_RANGE[0]} range={X_RANGE} label="step" />
        <Axis orient="left" scale={y} ticks={logTicks(y, 5)} position={X_RANGE[0]} range={[Y_RANGE[0], Y_RANGE[1]]} label="loss" />
        <path d={path ?? ''} fill="none" stroke="#1f77b4" strokeWidth={1.5} />
        <text x={X_RANGE[1]} y={M.top} textAnchor="end" fontFamily={CHART_FONT} fontSize={10} fill={INK}>
          {`step ${last[0]}: ${last[1].toExponential(3)}`}
        </text>
      </svg>
    </ViewPanel>
  );
}
