import { scaleBand, scaleLinear } from 'd3';
import { ViewPanel } from '../../../ui/ViewPanel';
import { Axis } from '../../../ui/charts/Axis';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { CHART_FONT, INK, type Margin } from '../../../ui/charts/style';
import { linearTicks } from '../../../ui/charts/ticks';
import type { PcaReadouts } from '../readouts';
import { PCA_ABOUT } from './about';

const WIDTH = 340;
const HEIGHT = 220;
const M: Margin = { top: 14, right: 14, bottom: 40, left: 48 };
const X_RANGE = [M.left, WIDTH - M.right] as const;
const Y_RANGE = [HEIGHT - M.bottom, M.top] as const;

/** Per eigen-direction: its variance λ_i and the part of it span(W₂) keeps. */
export function CapturedBars({ readouts, lambda, k }: { readouts: PcaReadouts | null; lambda: readonly number[]; k: number }) {
  const title = 'Captured variance per principal direction';
  if (!readouts || readouts.captured.length !== lambda.length) {
    return (
      <ViewPanel id="captured" about={PCA_ABOUT.captured} title={title}>
        <ChartPlaceholder width={WIDTH} height={HEIGHT} />
      </ViewPanel>
    );
  }
  const d = lambda.length;
  const x = scaleBand<number>()
    .domain(Array.from({ length: d }, (_, i) => i))
    .range(X_RANGE)
    .padding(0.2);
  const y = scaleLinear()
    .domain([0, Math.max(...lambda, 1e-12)])
    .range(Y_RANGE)
    .nice();
  const kept = readouts.captured.reduce((s, c, i) => s + c * lambda[i]!, 0);
  const total = lambda.reduce((s, v) => s + v, 0);
  return (
    <ViewPanel
      id="captured"
      about={PCA_ABOUT.captured}
      title={title}
      caption={`The span keeps ${((100 * kept) / total).toFixed(1)}% of the variance; the top ${k} directions hold ${((100 * (total - readouts.optimumLoss)) / total).toFixed(1)}%.`}
    >
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
        <Axis orient="left" scale={y} ticks={linearTicks(y, 5)} position={X_RANGE[0]} range={[Y_RANGE[0], Y_RANGE[1]]} label="variance" />
        {lambda.map((l, i) => {
          const share = Number.isFinite(readouts.captured[i]) ? Math.min(1, Math.max(0, readouts.captured[i]!)) : 0;
          const bx = x(i) ?? 0;
          return (
            <g key={i}>
              <rect x={bx} width={x.bandwidth()} y={y(l)} height={Math.max(0, y(0) - y(l))} fill="#c6dbef">
                <title>{`u${i}: λ = ${l.toPrecision(3)}`}</title>
              </rect>
              <rect
                x={bx}
                width={x.bandwidth()}
                y={y(l * share)}
                height={Math.max(0, y(0) - y(l * share))}
                fill={i < k ? '#1f77b4' : '#d62728'}
              >
                <title>{`u${i}: captured ${(100 * share).toFixed(1)}% of λ`}</title>
              </rect>
              <text x={bx + x.bandwidth() / 2} y={Y_RANGE[0] + 14} textAnchor="middle" fontFamily={CHART_FONT} fontSize={10} fill={INK}>
                {i}
              </text>
            </g>
          );
        })}
        <text x={(X_RANGE[0] + X_RANGE[1]) / 2} y={HEIGHT - 6} textAnchor="middle" fontFamily={CHART_FONT} fontSize={11} fill={INK}>
          principal direction i (λ descending)
        </text>
      </svg>
    </ViewPanel>
  );
}
