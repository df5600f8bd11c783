import { scaleLinear } from 'd3';
import { useMemo } from 'react';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { ViewPanel } from '../../../ui/ViewPanel';
import { Axis } from '../../../ui/charts/Axis';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { SwatchLegend } from '../../../ui/charts/SwatchLegend';
import { finiteExtent } from '../../../ui/charts/finite';
import { INK, type Margin } from '../../../ui/charts/style';
import { linearTicks } from '../../../ui/charts/ticks';
import type { FeatureKind } from '../features';
import { LAYER_NAMES } from '../constants';
import { FEATURE_COLORS, featureLabel, layerIndex, safeReadout } from './shared';
import { LayerSelect } from './LayerSelect';
import { BIAS_ABOUT } from './about';

const SIZE = 320;
const M: Margin = { top: 26, right: 12, bottom: 40, left: 48 };
const OFF = '#d9d9d9';

type Props = Pick<LabViewProps, 'snapshot' | 'staticData' | 'params' | 'viewState' | 'setViewState'>;

/** The chosen layer's probe activations on their top two principal components, coloured by a feature. */
export function LayerPca({ snapshot, staticData, params, viewState, setViewState }: Props) {
  const r = useMemo(() => safeReadout(snapshot, params), [snapshot, params]);
  const layer = layerIndex(viewState);
  const features = r?.features ?? [];
  const colorBy: FeatureKind = (features as string[]).includes(viewState.color ?? '')
    ? (viewState.color as FeatureKind)
    : (features[0] ?? 'linear');
  const f = features.indexOf(colorBy);

  const pts = useMemo(() => {
    const pca = snapshot?.analysis?.pca;
    const labels = staticData.pcaLabels;
    const pv = snapshot?.analysis?.pcaVar;
    if (!pca || !labels || !pv || f < 0) return null;
    const [L, n] = pca.shape as [number, number, number];
    const F = labels.shape[1]!;
    if (layer >= L) return null;
    const xy = pca.data.subarray(layer * n * 2, (layer + 1) * n * 2);
    const points = Array.from({ length: n }, (_, i) => ({ x: xy[i * 2]!, y: xy[i * 2 + 1]!, on: labels.data[i * F + f]! > 0.5 }));
    const total = pv.data[layer * 3 + 2]!;
    const share = [pv.data[layer * 3]! / total, pv.data[layer * 3 + 1]! / total];
    return { points, share };
  }, [snapshot, staticData, layer, f]);

  const actions = (
    <>
      <LayerSelect layer={layer} setLayer={(v) => setViewState('layer', v)} testId="pca-layer" />
      {features.map((k) => (
        <button
          key={k}
          type="button"
          className="small"
          aria-pressed={k === colorBy}
          data-testid={`pca-color-${k}`}
          onClick={() => setViewState('color', k)}
          style={k === colorBy ? { fontWeight: 'bold' } : undefined}
        >
          {featureLabel(k, params)}
        </button>
      ))}
    </>
  );

  if (!r || !pts) {
    return (
      <ViewPanel id="pca" about={BIAS_ABOUT.pca} title="PCA of the layer" actions={actions}>
        <ChartPlaceholder width={SIZE} height={SIZE} />
      </ViewPanel>
    );
  }
  const ext = finiteExtent(pts.points.flatMap((p) => [Math.abs(p.x), Math.abs(p.y)]))?.[1] ?? 1;
  const lim = ext > 0 ? ext * 1.08 : 1;
  const x = scaleLinear()
    .domain([-lim, lim])
    .range([M.left, SIZE - M.right]);
  const y = scaleLinear()
    .domain([-lim, lim])
    .range([SIZE - M.bottom, M.top]);
  const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(0)}%` : '—');
  const color = FEATURE_COLORS[colorBy];
  return (
    <ViewPanel
      id="pca"
      about={BIAS_ABOUT.pca}
      title="PCA of the layer"
      actions={actions}
      caption={`${LAYER_NAMES[layer]} on its top two principal components (${pct(pts.share[0]!)} and ${pct(pts.share[1]!)} of its variance), coloured by ${featureLabel(colorBy, params)}.`}
    >
      <svg width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label="PCA scatter of the layer">
        <rect width={SIZE} height={SIZE} fill="#ffffff" />
        <Axis
          orient="bottom"
          scale={x}
          ticks={linearTicks(x, 4)}
          position={SIZE - M.bottom}
          range={[M.left, SIZE - M.right]}
          label={`PC1 (${pct(pts.share[0]!)})`}
        />
        <Axis
          orient="left"
          scale={y}
          ticks={linearTicks(y, 4)}
          position={M.left}
          range={[SIZE - M.bottom, M.top]}
          label={`PC2 (${pct(pts.share[1]!)})`}
        />
        {pts.points.map((p, i) =>
          Number.isFinite(p.x) && Number.isFinite(p.y) ? (
            <circle
              key={i}
              cx={x(p.x)}
              cy={y(p.y)}
              r={2.6}
              fill={p.on ? color : OFF}
              fillOpacity={0.8}
              stroke={INK}
              strokeWidth={0.3}
              data-testid="pca-point"
            />
          ) : null,
        )}
        <SwatchLegend
          x={M.left}
          y={6}
          spacing={110}
          items={[
            { label: `${featureLabel(colorBy, params)} = 1`, color },
            { label: `${featureLabel(colorBy, params)} = 0`, color: OFF },
          ]}
        />
      </svg>
    </ViewPanel>
  );
}
