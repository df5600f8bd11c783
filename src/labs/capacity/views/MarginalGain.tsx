import { scaleBand, scaleLog } from 'd3';
import { useMemo } from 'react';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { ViewPanel } from '../../../ui/ViewPanel';
import { Axis } from '../../../ui/charts/Axis';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { finiteExtent } from '../../../ui/charts/finite';
import { CHART_FONT, INK, type Margin } from '../../../ui/charts/style';
import { logTicks } from '../../../ui/charts/ticks';
import { capacityData, REGIME_COLOR } from './shared';
import { CAPACITY_ABOUT } from './about';

const WIDTH = 380;
const HEIGHT = 240;
const M: Margin = { top: 20, right: 14, bottom: 40, left: 52 };
const X_RANGE = [M.left, WIDTH - M.right] as const;
const Y_RANGE = [HEIGHT - M.bottom, M.top] as const;
const TITLE = 'Marginal loss gain per unit capacity';

type Props = Pick<LabViewProps, 'snapshot' | 'metrics' | 'params'>;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k]! : (s[k - 1]! + s[k]!) / 2;
}

/**
 * −dL_i/dC_i for each feature at its current capacity (quadratic model, closed form). At the
 * optimum the polysemantic features share one level λ; monosemantic ones sit above, ignored below.
 */
export function MarginalGain({ snapshot, metrics, params }: Props) {
  const data = useMemo(() => capacityData(snapshot, metrics, params), [snapshot, metrics, params]);
  const caption =
    'Closed form for the quadratic toy: −dL_i/dC = 2(K−1)² v_i² / (2 + (K−3)C_i)². Dashed: the polysemantic features’ median λ.';
  if (!data || !data.marginalGain) {
    return (
      <ViewPanel id="marginal" about={CAPACITY_ABOUT.marginal} title={TITLE} caption={caption}>
        <ChartPlaceholder width={WIDTH} height={HEIGHT} text={data ? 'Closed form exists for the quadratic model only' : 'Press play'} />
      </ViewPanel>
    );
  }
  const gains = data.marginalGain;
  const positive = gains.filter((g) => g > 0 && Number.isFinite(g));
  const [lo, hi] = finiteExtent(positive) ?? [1e-3, 1];
  const y = scaleLog()
    .domain([Math.max(lo, hi * 1e-4) / 1.5, hi * 1.5])
    .range(Y_RANGE)
    .clamp(true);
  const x = scaleBand<number>()
    .domain(gains.map((_, i) => i))
    .range(X_RANGE)
    .padding(0.15);
  const polyGains = gains.filter((_, i) => data.regimes[i] === 'poly');
  const lambda = polyGains.length ? median(polyGains) : NaN;
  const step = Math.max(1, Math.ceil(gains.length / 12));
  return (
    <ViewPanel id="marginal" about={CAPACITY_ABOUT.marginal} title={TITLE} caption={caption}>
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="marginal loss gain per unit capacity">
        <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
        <Axis orient="left" scale={y} ticks={logTicks(y, 4)} position={X_RANGE[0]} range={[Y_RANGE[0], Y_RANGE[1]]} label="−dL_i / dC_i" />
        <Axis
          orient="bottom"
          scale={(i) => (x(i) ?? 0) + x.bandwidth() / 2}
          ticks={gains.flatMap((_, i) => (i % step === 0 ? [{ value: i, label: String(i) }] : []))}
          position={Y_RANGE[0]}
          range={X_RANGE}
          label="feature i (by importance)"
        />
        {gains.map((g, i) =>
          g > 0 && Number.isFinite(g) ? (
            <rect
              key={i}
              x={x(i)}
              width={x.bandwidth()}
              y={y(g)}
              height={Math.max(0, Y_RANGE[0] - y(g))}
              fill={REGIME_COLOR[data.regimes[i]!]}
            >
              <title>{`feature ${i}: C = ${data.capacity[i]!.toFixed(3)}, −dL/dC = ${g.toPrecision(3)}`}</title>
            </rect>
          ) : null,
        )}
        {Number.isFinite(lambda) ? (
          <g>
            <line x1={X_RANGE[0]} x2={X_RANGE[1]} y1={y(lambda)} y2={y(lambda)} stroke={INK} strokeDasharray="5 3" />
            <text x={X_RANGE[1]} y={y(lambda) - 4} textAnchor="end" fontFamily={CHART_FONT} fontSize={10} fill={INK}>
              {`λ ≈ ${lambda.toPrecision(3)}`}
            </text>
          </g>
        ) : null}
      </svg>
    </ViewPanel>
  );
}
