import { scaleLinear, scaleLog } from 'd3';
import { useMemo } from 'react';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { ViewPanel } from '../../../ui/ViewPanel';
import { Axis } from '../../../ui/charts/Axis';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { SwatchLegend } from '../../../ui/charts/SwatchLegend';
import { CHART_FONT, INK, type Margin } from '../../../ui/charts/style';
import { linearTicks, logTicks } from '../../../ui/charts/ticks';
import { IGNORED_THRESHOLD, MONO_THRESHOLD, REGIMES } from '../../../analysis/capacity-allocation';
import { num } from '../../../engine/params';
import { describeInputs, inputSetting } from '../config';
import { capacityData, REGIME_BAND, REGIME_COLOR, REGIME_LABEL } from './shared';
import { CAPACITY_ABOUT } from './about';
import { regimeState } from './regime-caption';

const WIDTH = 380;
const HEIGHT = 290;
const M: Margin = { top: 24, right: 14, bottom: 70, left: 48 };
const X_RANGE = [M.left, WIDTH - M.right] as const;
const Y_RANGE = [HEIGHT - M.bottom, M.top] as const;
const Y_MAX = 1.05;

type Props = Pick<LabViewProps, 'snapshot' | 'metrics' | 'params'>;

/** C_i against importance v_i (log), with the three regimes as shaded bands. */
export function CapacityPlot({ snapshot, metrics, params }: Props) {
  const data = useMemo(() => capacityData(snapshot, metrics, params), [snapshot, metrics, params]);
  const inputs = useMemo(() => {
    try {
      return describeInputs(inputSetting(params), num(params, 'kurtosis'));
    } catch (err) {
      return `inputs: ${err instanceof Error ? err.message : String(err)}`;
    }
  }, [params]);
  const x = useMemo(() => {
    const v = data?.importance.filter((t) => t > 0 && Number.isFinite(t)) ?? [];
    const lo = v.length ? Math.min(...v) : 0.1;
    const hi = v.length ? Math.max(...v) : 1;
    return scaleLog()
      .domain(hi / lo > 1.5 ? [lo / 1.15, hi * 1.15] : [lo / 2, hi * 2])
      .range(X_RANGE);
  }, [data]);
  const y = useMemo(() => scaleLinear().domain([0, Y_MAX]).range(Y_RANGE), []);
  const caption = (
    <>
      <span data-testid="kurtosis-readout">{inputs}</span>
      {data ? <span data-testid="regime-state"> {regimeState(data.capacity, data.importance, data.m)}</span> : null}
    </>
  );

  if (!data) {
    return (
      <ViewPanel id="capacity" about={CAPACITY_ABOUT.capacity} title="Capacity against importance" caption={caption}>
        <ChartPlaceholder width={WIDTH} height={HEIGHT} />
      </ViewPanel>
    );
  }
  const bands: Array<[(typeof REGIMES)[number], number, number]> = [
    ['mono', MONO_THRESHOLD, Y_MAX],
    ['poly', IGNORED_THRESHOLD, MONO_THRESHOLD],
    ['ignored', 0, IGNORED_THRESHOLD],
  ];
  const counts = { mono: 0, poly: 0, ignored: 0 };
  for (const r of data.regimes) counts[r]++;
  return (
    <ViewPanel id="capacity" about={CAPACITY_ABOUT.capacity} title="Capacity against importance" caption={caption}>
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label="capacity against importance">
        <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
        {bands.map(([r, lo, hi]) => (
          <rect key={r} x={X_RANGE[0]} width={X_RANGE[1] - X_RANGE[0]} y={y(hi)} height={y(lo) - y(hi)} fill={REGIME_BAND[r]} />
        ))}
        <Axis orient="bottom" scale={x} ticks={logTicks(x, 5)} position={Y_RANGE[0]} range={X_RANGE} label="importance v_i (log)" />
        <Axis
          orient="left"
          scale={y}
          ticks={linearTicks(y, 5)}
          position={X_RANGE[0]}
          range={[Y_RANGE[0], Y_RANGE[1]]}
          label="capacity C_i"
        />
        {data.capacity.map((c, i) => {
          const v = data.importance[i]!;
          if (!Number.isFinite(c) || !(v > 0)) return null;
          return (
            <circle
              key={i}
              data-testid="capacity-point"
              data-c={c.toFixed(4)}
              cx={x(v)}
              cy={y(Math.min(Y_MAX, Math.max(0, c)))}
              r={4}
              fill={REGIME_COLOR[data.regimes[i]!]}
              fillOpacity={0.85}
              stroke={INK}
              strokeWidth={0.5}
            >
              <title>{`feature ${i}: v = ${v.toPrecision(3)}, C = ${c.toFixed(3)} (${REGIME_LABEL[data.regimes[i]!]})`}</title>
            </circle>
          );
        })}
        <text x={X_RANGE[1]} y={14} textAnchor="end" fontFamily={CHART_FONT} fontSize={10} fill={INK} data-testid="regime-counts">
          {`mono ${counts.mono} · poly ${counts.poly} · ignored ${counts.ignored} · ΣC = ${data.total.toFixed(2)} / m = ${data.m}`}
        </text>
        <SwatchLegend
          x={M.left}
          y={HEIGHT - 20}
          spacing={108}
          items={REGIMES.map((r) => ({ label: `${REGIME_LABEL[r]}`, color: REGIME_COLOR[r] }))}
        />
      </svg>
    </ViewPanel>
  );
}
