import { scaleLinear } from 'd3';
import { useMemo, useState } from 'react';
import { pearson } from '../../../analysis/pmi';
import { ViewPanel } from '../../../ui/ViewPanel';
import { Axis } from '../../../ui/charts/Axis';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { CHART_FONT, GRID, INK, type Margin } from '../../../ui/charts/style';
import { linearTicks } from '../../../ui/charts/ticks';
import { dotsPath, nearestPoint } from '../../../ui/charts/dots-path';
import { svgPoint } from '../../../ui/charts/svg-point';
import { snapshotStats } from '../metrics';
import { tensorData, throttledView, useWords, type BowsSnapshot } from './shared';
import { BOWS_ABOUT } from './about';

const WIDTH = 360;
const HEIGHT = 300;
/** The line under the chart where the pair under the pointer is read out. */
const READOUT = 18;
const M: Margin = { top: 22, right: 12, bottom: 40, left: 56 };

/** PMI of co-occurring word pairs (from the corpus) against W_i·W_j. */
function PmiScatterView({ snapshot }: { snapshot: BowsSnapshot | null }) {
  const snap = snapshot;
  const words = useWords(snap);
  const pmi = tensorData(snap, 'pairPmi');
  const dot = tensorData(snap, 'pairDot');
  const I = tensorData(snap, 'pairI');
  const J = tensorData(snap, 'pairJ');
  const stats = snapshotStats(snap);
  const chart = useMemo(() => {
    if (!pmi || !dot || pmi.length === 0) return null;
    let x0 = Infinity,
      x1 = -Infinity,
      y0 = Infinity,
      y1 = -Infinity;
    for (let k = 0; k < pmi.length; k++) {
      x0 = Math.min(x0, pmi[k]!);
      x1 = Math.max(x1, pmi[k]!);
      if (Number.isFinite(dot[k]!)) {
        y0 = Math.min(y0, dot[k]!);
        y1 = Math.max(y1, dot[k]!);
      }
    }
    if (!Number.isFinite(y0)) {
      y0 = -1;
      y1 = 1;
    }
    const x = scaleLinear()
      .domain([x0, x1 > x0 ? x1 : x0 + 1])
      .range([M.left, WIDTH - M.right])
      .nice();
    const y = scaleLinear()
      .domain([Math.min(y0, 0), Math.max(y1, 0) || 1])
      .range([HEIGHT - M.bottom, M.top])
      .nice();
    const xs = Float64Array.from(pmi, (p) => x(p));
    const ys = Float64Array.from(dot, (d) => y(Number.isFinite(d) ? d : 0));
    return { x, y, xs, ys, path: dotsPath(xs, ys, 1.6), r: pearson(pmi, dot) };
  }, [pmi, dot]);
  const [hover, setHover] = useState<number | null>(null);
  if (!chart || !pmi || !dot) {
    return (
      <ViewPanel id="bows-pmi" about={BOWS_ABOUT.pmi} title="Co-occurrence vs interference">
        <ChartPlaceholder width={WIDTH} height={HEIGHT + READOUT} />
      </ViewPanel>
    );
  }
  const { x, y, xs, ys } = chart;
  const r = stats?.pmiCorrelation ?? NaN;
  const onMove = (e: React.PointerEvent<SVGSVGElement>) => {
    const at = svgPoint(e);
    setHover(at ? nearestPoint(xs, ys, at.x, at.y, 6) : null);
  };
  const shown = hover !== null && hover < pmi.length ? hover : null;
  return (
    <ViewPanel
      id="bows-pmi"
      about={BOWS_ABOUT.pmi}
      title="Co-occurrence vs interference"
      caption={
        <>
          Pearson r(PMI, WᵀW) = <b data-testid="pmi-correlation">{Number.isFinite(r) ? r.toFixed(3) : '—'}</b> over{' '}
          {Math.min(20000, stats?.pmiPairs ?? 0).toLocaleString()} of {(stats?.pmiPairs ?? 0).toLocaleString()} pairs sharing ≥ 20 windows (
          {pmi.length} drawn, r = {chart.r.toFixed(3)}).
        </>
      }
    >
      <svg
        width={WIDTH}
        height={HEIGHT + READOUT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT + READOUT}`}
        role="img"
        aria-label="PMI against WᵀW"
        onPointerMove={onMove}
        onPointerLeave={() => setHover(null)}
      >
        <rect width={WIDTH} height={HEIGHT + READOUT} fill="#ffffff" />
        <line x1={M.left} x2={WIDTH - M.right} y1={y(0)} y2={y(0)} stroke={GRID} />
        <Axis
          orient="bottom"
          scale={x}
          ticks={linearTicks(x, 5)}
          position={HEIGHT - M.bottom}
          range={[M.left, WIDTH - M.right]}
          label="PMI (corpus)"
        />
        <Axis orient="left" scale={y} ticks={linearTicks(y, 5)} position={M.left} range={[HEIGHT - M.bottom, M.top]} label="W_i · W_j" />
        <path d={chart.path} fill="#1f77b4" fillOpacity={0.35} data-testid="pmi-points" />
        {shown !== null ? <circle cx={xs[shown]} cy={ys[shown]} r={4} fill="none" stroke={INK} strokeWidth={1.5} /> : null}
        <text x={M.left} y={HEIGHT + READOUT - 4} fontFamily={CHART_FONT} fontSize={11} fill={INK} data-testid="pmi-readout">
          {shown !== null
            ? `${words[I?.[shown] ?? 0] ?? '?'} + ${words[J?.[shown] ?? 0] ?? '?'}: PMI ${pmi[shown]!.toFixed(2)}, W·W ${dot[shown]!.toFixed(3)}`
            : `${pmi.length} pairs: point at one to read it`}
        </text>
        <text x={WIDTH - M.right} y={14} textAnchor="end" fontFamily={CHART_FONT} fontSize={11} fill={INK}>
          {`r = ${Number.isFinite(r) ? r.toFixed(3) : '—'}`}
        </text>
      </svg>
    </ViewPanel>
  );
}

/** Redrawn from a snapshot at most every 300 ms, and not re-rendered in between (shared.ts). */
export const PmiScatter = throttledView(PmiScatterView, 300);
