import { format, scaleBand, scaleLinear } from 'd3';
import { useMemo } from 'react';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { ViewPanel } from '../../../ui/ViewPanel';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { RampLegend } from '../../../ui/charts/RampLegend';
import { HeatmapImage } from '../../../ui/charts/HeatmapImage';
import { divergingColor } from '../../../ui/charts/heatmap-pixels';
import { CHART_FONT, INK } from '../../../ui/charts/style';
import { gram } from '../../../analysis/dimensionality';
import { neuronLoadCounts } from '../../../analysis/blocks';
import { findSpectralBlocks } from '../../../analysis/spectral-blocks';
import { BLOCK_SHARE, LOAD_THRESHOLD } from '../metrics';
import { capacityData } from './shared';
import { CAPACITY_ABOUT } from './about';

const WIDTH = 380;
const LEFT = 26;
const TOP = 20;
const SIDE = 250;
const BARS_TOP = TOP + SIDE + 46;
const BARS_H = 70;
const HEIGHT = BARS_TOP + BARS_H + 34;
const legendFormat = format('.2~f');

type Props = Pick<LabViewProps, 'snapshot' | 'metrics' | 'params' | 'viewState' | 'setViewState'>;

/** A view-state number in [lo, hi], or the default when missing or malformed. */
function viewNumber(raw: string | undefined, fallback: number, lo: number, hi: number): number {
  const v = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback;
}

/**
 * WᵀW with features reordered into blocks (features sharing a singular subspace of W, each with at
 * least a share ε of its energy there: analysis/spectral-blocks.ts), each block outlined with the
 * dimensions it spans; ignored features (C ≤ 0.1) last. Below, per hidden neuron, how many
 * features load on it.
 */
export function BlockGram({ snapshot, metrics, params, viewState, setViewState }: Props) {
  const eps = viewNumber(viewState.eps, BLOCK_SHARE, 0.01, 0.99);
  const tau = viewNumber(viewState.tau, LOAD_THRESHOLD, 0.01, 0.99);
  const data = useMemo(() => capacityData(snapshot, metrics, params), [snapshot, metrics, params]);
  const g = useMemo(() => (data ? gram(data.w) : null), [data]);
  const blocks = useMemo(
    () => (data ? findSpectralBlocks(data.w, { share: eps, exclude: data.regimes.map((r) => r === 'ignored') }) : null),
    [data, eps],
  );
  const loads = useMemo(() => (data ? neuronLoadCounts(data.w, tau) : null), [data, tau]);
  /** WᵀW in block order. */
  const ordered = useMemo(() => {
    if (!g || !blocks) return null;
    const { order } = blocks;
    const n = order.length;
    const out = new Float32Array(n * n);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) out[a * n + b] = g[order[a]! * n + order[b]!]!;
    return out;
  }, [g, blocks]);
  const controls = (
    <div style={{ display: 'flex', gap: 12, fontSize: 12, marginBottom: 4 }}>
      <label>
        block: energy share ≥ <output data-testid="block-eps-value">{eps.toFixed(2)}</output>{' '}
        <input
          data-testid="block-eps"
          type="range"
          min={0.01}
          max={0.99}
          step={0.01}
          value={eps}
          onChange={(e) => setViewState('eps', e.target.value)}
        />
      </label>
      <label>
        load &gt; <output>{tau.toFixed(2)}</output>·max|W|{' '}
        <input
          data-testid="load-tau"
          type="range"
          min={0.01}
          max={0.99}
          step={0.01}
          value={tau}
          onChange={(e) => setViewState('tau', e.target.value)}
        />
      </label>
    </div>
  );
  const caption =
    'Block-semi-orthogonal structure: features in different blocks are orthogonal. Blocks come from the SVD of W: features that put a share ≥ ε of their energy in the same singular subspace share dimensions. The quadratic model is invariant to rotating the hidden space, so its neuron basis (bottom) is arbitrary; the ReLU model’s is too (it only sees WᵀW).';
  if (!data || !g || !blocks || !loads || !ordered) {
    return (
      <ViewPanel id="blocks" about={CAPACITY_ABOUT.blocks} title="WᵀW in blocks · polysemantic neurons" caption={caption}>
        {controls}
        <ChartPlaceholder width={WIDTH} height={HEIGHT} />
      </ViewPanel>
    );
  }
  const n = data.w.cols;
  let max = 0;
  for (const v of g) if (Number.isFinite(v)) max = Math.max(max, Math.abs(v));
  max = max > 0 ? max : 1;
  const color = divergingColor(max);
  const cell = SIDE / n;
  const { order } = blocks;
  const describe = (a: number, b: number) => `W_${order[a]}·W_${order[b]} = ${ordered[a * n + b]!.toFixed(4)}`;
  const labelSize = Math.min(10, cell * 0.7);
  const live = blocks.blocks.filter((b) => !b.ignored);
  const m = loads.length;
  const bx = scaleBand<number>()
    .domain(loads.map((_, k) => k))
    .range([LEFT, LEFT + SIDE])
    .padding(0.2);
  const by = scaleLinear()
    .domain([0, Math.max(1, ...loads)])
    .range([BARS_TOP + BARS_H, BARS_TOP]);
  return (
    <ViewPanel id="blocks" about={CAPACITY_ABOUT.blocks} title="WᵀW in blocks · polysemantic neurons" caption={caption}>
      {controls}
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label="Gram matrix in blocks and per-neuron load"
      >
        <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
        <HeatmapImage x={LEFT} y={TOP} side={SIDE} n={n} values={ordered} max={max} describe={describe} testId="block-cells" />
        <rect x={LEFT} y={TOP} width={SIDE} height={SIDE} fill="none" stroke={INK} strokeWidth={0.5} />
        {live.map((b) => (
          <rect
            key={b.start}
            data-testid="block-outline"
            x={LEFT + b.start * cell}
            y={TOP + b.start * cell}
            width={b.members.length * cell}
            height={b.members.length * cell}
            fill="none"
            stroke="#000000"
            strokeWidth={1.5}
          >
            <title>{`block: features ${b.members.join(', ')} in ${b.dims.toFixed(2)} dimensions`}</title>
          </rect>
        ))}
        {labelSize >= 5 ? (
          <g fontFamily={CHART_FONT} fontSize={labelSize} fill={INK}>
            {order.map((f, k) => (
              <g key={k}>
                <text x={LEFT + (k + 0.5) * cell} y={TOP - 4} textAnchor="middle">
                  {f}
                </text>
                <text x={LEFT - 4} y={TOP + (k + 0.5) * cell} dy="0.32em" textAnchor="end">
                  {f}
                </text>
              </g>
            ))}
          </g>
        ) : null}
        <RampLegend
          x={LEFT + SIDE + 12}
          y={TOP}
          width={WIDTH - LEFT - SIDE - 20}
          domain={[-max, max]}
          color={color}
          format={legendFormat}
        />
        <text x={LEFT + SIDE + 12} y={TOP + 40} fontFamily={CHART_FONT} fontSize={10} fill={INK}>
          {`${live.length} block${live.length === 1 ? '' : 's'}`}
        </text>
        <text x={LEFT} y={BARS_TOP - 18} fontFamily={CHART_FONT} fontSize={10} fill={INK}>
          features per neuron (|W_ki| above threshold)
        </text>
        {loads.map((c, k) => (
          <g key={k}>
            <rect
              data-testid="neuron-load"
              data-count={c}
              x={bx(k)}
              width={bx.bandwidth()}
              y={by(c)}
              height={BARS_TOP + BARS_H - by(c)}
              fill={c > 1 ? '#d62728' : '#1f77b4'}
            />
            <text x={(bx(k) ?? 0) + bx.bandwidth() / 2} y={by(c) - 3} textAnchor="middle" fontFamily={CHART_FONT} fontSize={9} fill={INK}>
              {c}
            </text>
            {m <= 16 ? (
              <text
                x={(bx(k) ?? 0) + bx.bandwidth() / 2}
                y={BARS_TOP + BARS_H + 12}
                textAnchor="middle"
                fontFamily={CHART_FONT}
                fontSize={9}
                fill={INK}
              >{`n${k}`}</text>
            ) : null}
          </g>
        ))}
        <line x1={LEFT} x2={LEFT + SIDE} y1={BARS_TOP + BARS_H} y2={BARS_TOP + BARS_H} stroke={INK} />
      </svg>
    </ViewPanel>
  );
}
