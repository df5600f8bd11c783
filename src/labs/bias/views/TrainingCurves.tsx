import { line, scaleLinear } from 'd3';
import { useMemo } from 'react';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { ViewPanel } from '../../../ui/ViewPanel';
import { Axis } from '../../../ui/charts/Axis';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { SwatchLegend } from '../../../ui/charts/SwatchLegend';
import { fixed } from '../../../ui/charts/finite';
import { CHART_FONT, GRID, INK, type Margin } from '../../../ui/charts/style';
import { linearTicks } from '../../../ui/charts/ticks';
import { LAYER_NAMES } from '../constants';
import { FEATURE_COLORS, featureLabel, layerIndex, safeReadout, scoreStatus } from './shared';
import { LayerSelect } from './LayerSelect';
import { BIAS_ABOUT } from './about';

const PANEL_W = 250;
const WIDTH = 2 * PANEL_W;
const HEIGHT = 240;
const M: Margin = { top: 28, right: 12, bottom: 40, left: 48 };
const Y_RANGE = [HEIGHT - M.bottom, M.top] as const;

type Props = Pick<LabViewProps, 'snapshot' | 'params' | 'viewState' | 'setViewState'>;

/** Variance explained per feature (chosen layer) beside accuracy per feature, over training. */
export function TrainingCurves({ snapshot, params, viewState, setViewState }: Props) {
  const r = useMemo(() => safeReadout(snapshot, params), [snapshot, params]);
  const layer = layerIndex(viewState);
  const select = <LayerSelect layer={layer} setLayer={(v) => setViewState('layer', v)} testId="curves-layer" />;
  const chart = useMemo(() => {
    if (!r || r.history.step.length === 0) return null;
    const steps = r.history.step;
    const x0 = steps[0]!;
    const x1 = Math.max(steps[steps.length - 1]!, x0 + 1);
    const xs = [0, 1].map((p) =>
      scaleLinear()
        .domain([x0, x1])
        .range([p * PANEL_W + M.left, (p + 1) * PANEL_W - M.right]),
    );
    const y = scaleLinear().domain([0, 1]).range(Y_RANGE);
    const paths = r.features.map((_, f) => {
      const ve = line<number>()
        .defined((t) => Number.isFinite(r.history.r2[t]![layer]![f]!))
        .x((t) => xs[0]!(steps[t]!))
        .y((t) => y(Math.min(1, Math.max(0, r.history.r2[t]![layer]![f]!))))(steps.map((_, t) => t));
      const acc = line<number>()
        .x((t) => xs[1]!(steps[t]!))
        .y((t) => y(r.history.acc[t]![f]!))(steps.map((_, t) => t));
      return { ve: ve ?? '', acc: acc ?? '' };
    });
    return { xs, y, paths };
  }, [r, layer]);

  if (!r || !chart) {
    return (
      <ViewPanel id="curves" about={BIAS_ABOUT.curves} title="Variance explained and accuracy over training" actions={select}>
        <ChartPlaceholder width={WIDTH} height={HEIGHT} />
      </ViewPanel>
    );
  }
  const { xs, y, paths } = chart;
  const last = r.history.r2.length - 1;
  return (
    <ViewPanel
      id="curves"
      about={BIAS_ABOUT.curves}
      title="Variance explained and accuracy over training"
      actions={select}
      caption={`R² of a linear regression of layer ${LAYER_NAMES[layer]} on each feature (its share of the layer's total variance), and accuracy, on a fixed balanced probe set of ${PROBE_TEXT} inputs (every label 1 half the time). ${scoreStatus(r)}`}
    >
      <svg
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label="variance explained and accuracy over training"
      >
        <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
        {[0, 1].map((p) => (
          <g key={p}>
            {linearTicks(y, 5).map((t) => (
              <line key={t.value} x1={xs[p]!.range()[0]} x2={xs[p]!.range()[1]} y1={y(t.value)} y2={y(t.value)} stroke={GRID} />
            ))}
            <Axis
              orient="bottom"
              scale={xs[p]!}
              ticks={linearTicks(xs[p]!, 4)}
              position={Y_RANGE[0]}
              range={xs[p]!.range() as [number, number]}
              label="step"
            />
            <Axis
              orient="left"
              scale={y}
              ticks={linearTicks(y, 5)}
              position={xs[p]!.range()[0]!}
              range={[Y_RANGE[0], Y_RANGE[1]]}
              label={p === 0 ? `variance explained (${LAYER_NAMES[layer]})` : 'accuracy'}
            />
          </g>
        ))}
        {paths.map((path, f) => {
          const kind = r.features[f]!;
          return (
            <g key={kind}>
              <path d={path.ve} fill="none" stroke={FEATURE_COLORS[kind]} strokeWidth={1.8} data-testid={`ve-line-${kind}`} />
              <path d={path.acc} fill="none" stroke={FEATURE_COLORS[kind]} strokeWidth={1.8} data-testid={`acc-line-${kind}`} />
            </g>
          );
        })}
        <SwatchLegend
          x={M.left}
          y={6}
          spacing={90}
          items={r.features.map((k) => ({ label: featureLabel(k, params), color: FEATURE_COLORS[k] }))}
        />
        <text x={WIDTH - M.right} y={16} textAnchor="end" fontFamily={CHART_FONT} fontSize={10} fill={INK}>
          {`step ${r.history.step[last]}`}
        </text>
      </svg>
      <table className="bias-table" data-testid="bias-readout">
        <thead>
          <tr>
            <th>feature</th>
            <th>variance explained ({LAYER_NAMES[layer]})</th>
            <th>scored</th>
            <th>accuracy</th>
          </tr>
        </thead>
        <tbody>
          {r.features.map((kind, f) => (
            <tr key={kind}>
              <td>
                {/* The colour as a swatch: coloured text would miss the contrast a reader needs. */}
                <span
                  aria-hidden="true"
                  style={{ display: 'inline-block', width: 10, height: 10, marginRight: 4, background: FEATURE_COLORS[kind] }}
                />
                {featureLabel(kind, params)}
              </td>
              <td data-testid={`ve-${kind}`}>{fixed(r.r2[layer]![f]!, 3)}</td>
              <td data-testid={`ve-scored-${kind}`}>{fixed(r.scored.r2[layer]![f]!, 3)}</td>
              <td data-testid={`acc-${kind}`}>{fixed(r.acc[f]!, 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ViewPanel>
  );
}

const PROBE_TEXT = '1,024';
