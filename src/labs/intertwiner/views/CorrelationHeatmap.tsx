import { format } from 'd3';
import { useMemo } from 'react';
import type { Snapshot } from '../../../engine/lab';
import { ViewPanel } from '../../../ui/ViewPanel';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { RampLegend } from '../../../ui/charts/RampLegend';
import { HeatmapImage } from '../../../ui/charts/HeatmapImage';
import { divergingColor } from '../../../ui/charts/heatmap-pixels';
import { CHART_FONT, INK, LABEL_FONT_SIZE } from '../../../ui/charts/style';
import { INTERTWINER_ABOUT } from './about';

const SIDE = 220;
const GAP = 28;
const LEFT = 10;
const TOP = 22;
const WIDTH = LEFT * 2 + SIDE * 2 + GAP;
const HEIGHT = TOP + SIDE + 56;
/** Neurons drawn at most (the first ones of A), so a frame stays cheap. */
export const HEATMAP_CAP = 64;

const color = divergingColor(1);

export interface HeatmapData {
  n: number;
  before: Float32Array;
  after: Float32Array;
  /** B's neuron in each column of `after` (−1: unmatched). */
  matchedB: Int32Array;
  diagBefore: number;
  diagAfter: number;
}

/** corr(A_i, B_j) in the networks' own order, and with B's columns put in the matched order. */
export function heatmapData(snapshot: Snapshot | null, act: number, layer: number): HeatmapData | null {
  const corr = snapshot?.analysis?.[`corr_${act}_${layer}`];
  const match = snapshot?.analysis?.[`match_${act}_${layer}`];
  if (!corr || !match) return null;
  const d = corr.shape[0]!;
  const n = Math.min(d, HEATMAP_CAP);
  const before = new Float32Array(n * n);
  const after = new Float32Array(n * n);
  const matchedB = Int32Array.from({ length: n }, (_, j) => match.data[j]!);
  let diagBefore = 0;
  let diagAfter = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      before[i * n + j] = corr.data[i * d + j]!;
      const mj = match.data[j]!;
      after[i * n + j] = mj >= 0 ? corr.data[i * d + mj]! : NaN;
    }
    diagBefore += before[i * n + i]! / n;
    diagAfter += after[i * n + i]! / n;
  }
  return { n, before, after, matchedB, diagBefore, diagAfter };
}

function Cells(props: { data: Float32Array; x0: number; n: number; bOf: (j: number) => number; testId: string }) {
  const { data, x0, n, bOf } = props;
  const describe = (i: number, j: number) => {
    const b = bOf(j);
    const v = data[i * n + j]!;
    if (b < 0) return `A${i} · column ${j}: no B neuron matched`;
    return `corr(A${i}, B${b}) = ${Number.isFinite(v) ? v.toFixed(3) : 'NaN'}`;
  };
  return <HeatmapImage x={x0} y={TOP} side={SIDE} n={n} values={data} max={1} describe={describe} testId={props.testId} />;
}

export function CorrelationHeatmap(props: {
  snapshot: Snapshot | null;
  act: number;
  layer: number;
  label: string;
  controls: React.ReactNode;
}) {
  const data = useMemo(() => heatmapData(props.snapshot, props.act, props.layer), [props.snapshot, props.act, props.layer]);
  const title = 'Neuron correlations, A against B';
  if (!data) {
    return (
      <ViewPanel id="heatmap" about={INTERTWINER_ABOUT.heatmap} title={title} actions={props.controls}>
        <ChartPlaceholder width={WIDTH} height={HEIGHT} text="Fitting maps…" />
      </ViewPanel>
    );
  }
  const fmt = format('.2f');
  return (
    <ViewPanel
      id="heatmap"
      about={INTERTWINER_ABOUT.heatmap}
      title={title}
      actions={props.controls}
      caption={
        <>
          {props.label}: mean matched correlation (diagonal) before <span data-testid="diag-before">{fmt(data.diagBefore)}</span>, after the
          permutation <span data-testid="diag-after">{fmt(data.diagAfter)}</span>
          {data.n < HEATMAP_CAP ? '' : ` (first ${HEATMAP_CAP} of A’s neurons)`}. Rows: A’s neurons; columns: B’s, in their own order (left)
          and matched by munkres (right).
        </>
      }
    >
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
        <g fontFamily={CHART_FONT} fontSize={LABEL_FONT_SIZE} fill={INK}>
          <text x={LEFT + SIDE / 2} y={TOP - 7} textAnchor="middle">
            before alignment
          </text>
          <text x={LEFT + SIDE + GAP + SIDE / 2} y={TOP - 7} textAnchor="middle">
            after permutation
          </text>
        </g>
        <Cells data={data.before} x0={LEFT} n={data.n} bOf={(j) => j} testId="heatmap-before" />
        <Cells data={data.after} x0={LEFT + SIDE + GAP} n={data.n} bOf={(j) => data.matchedB[j]!} testId="heatmap-after" />
        <rect x={LEFT} y={TOP} width={SIDE} height={SIDE} fill="none" stroke={INK} strokeWidth={0.5} />
        <rect x={LEFT + SIDE + GAP} y={TOP} width={SIDE} height={SIDE} fill="none" stroke={INK} strokeWidth={0.5} />
        <RampLegend x={LEFT + SIDE / 2 + GAP / 2} y={TOP + SIDE + 22} width={SIDE} domain={[-1, 1]} color={color} format={format('.1f')} />
      </svg>
    </ViewPanel>
  );
}
