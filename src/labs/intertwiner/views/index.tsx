import { useMemo } from 'react';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { str } from '../../../engine/params';
import { MAP_KINDS, MAP_LABELS } from '../../../analysis/alignment';
import { ACTIVATION_LABELS, activationSet } from '../activations';
import { fitTables } from '../metrics';
import { layerDims, type Task } from '../layers';
import { MapBars } from './MapBars';
import { CorrelationHeatmap } from './CorrelationHeatmap';
import { GroupTable } from './GroupTable';
import { ResultViews } from './ResultViews';
import { INTERTWINER_ABOUT } from './about';

function clampInt(v: string | undefined, lo: number, hi: number, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n >= lo && n <= hi ? n : fallback;
}

/** A grid cell two columns wide where the chart needs it (the shell's grid is auto-fill). */
function Span({ wide, children }: { wide: boolean; children: React.ReactNode }) {
  return <div style={wide ? { gridColumn: 'span 2', minWidth: 0 } : { minWidth: 0 }}>{children}</div>;
}

/** The intertwiner lab's views: the results first (rotation null, Procrustes, stitching), then every map, correlations, groups. */
export default function IntertwinerViews(props: LabViewProps) {
  const { snapshot, params, viewState, setViewState } = props;
  const task = str(params, 'task') as Task;
  const activations = activationSet(str(params, 'activations'));
  const dims = layerDims({ task, hidden: Number(params.hidden), bottleneck: Number(params.bottleneck) });
  const layers = dims.length - 2;
  const layer = clampInt(viewState.layer, 1, layers, 1);
  const act = clampInt(viewState.act, 0, activations.length - 1, 0);
  const tables = useMemo(() => fitTables(snapshot, params), [snapshot, params]);
  const lt = tables?.byLayer[layer - 1] ?? null;
  const classifier = task === 'classifier';
  const current = snapshot?.step ?? 0;

  const layerSelect = (
    <label style={{ fontSize: '0.85em' }}>
      layer{' '}
      <select data-testid="layer-select" value={layer} onChange={(e) => setViewState('layer', e.target.value)}>
        {Array.from({ length: layers }, (_, l) => (
          <option key={l} value={l + 1}>{`${l + 1} (${dims[l + 1]} units)`}</option>
        ))}
      </select>
    </label>
  );
  const actSelect = (
    <label style={{ fontSize: '0.85em' }}>
      {' '}
      <select
        data-testid="act-select"
        aria-label="Network whose correlations are shown"
        value={act}
        onChange={(e) => setViewState('act', e.target.value)}
      >
        {activations.map((a, i) => (
          <option key={a} value={i}>
            {ACTIVATION_LABELS[a]}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div>
      <div style={{ display: 'flex', gap: 16, alignItems: 'center', margin: '4px 0 8px', fontSize: '0.9em' }}>
        {layerSelect}
        <span data-testid="fit-status">
          {tables
            ? `Maps fitted at step ${tables.fitStep} in ${tables.fitMs.toFixed(0)} ms${tables.fitStep < current ? ` (training is at step ${current}; refits about once a second while playing, or press → after pausing)` : ''}.`
            : 'Fitting maps…'}
        </span>
      </div>
      <div className="view-grid">
        <ResultViews tables={tables} layer={layer} activations={activations} classifier={classifier} />
        <Span wide={activations.length > 2}>
          <MapBars
            id="residual"
            about={INTERTWINER_ABOUT.residual}
            title={`Normalised residual on held-out digits, layer ${layer}`}
            yLabel="‖Ĥ_B − H_B‖² / ‖H_B − mean‖²"
            activations={tables ? activations : null}
            values={lt?.residual ?? null}
            domain={[0, 2.2]}
            caption={
              lt
                ? 'Lower is better. A low permutation-type residual alone does not show a privileged basis (a low-dimensional layer gives one too): read it against the rotation null above.'
                : undefined
            }
          />
        </Span>
        <Span wide={activations.length > 2}>
          <MapBars
            id="stitched"
            about={INTERTWINER_ABOUT.stitched}
            title={`Stitched network (A up to layer ${layer} → map → B), layer ${layer}`}
            yLabel={classifier ? 'held-out accuracy' : 'reconstruction R²'}
            activations={tables ? activations : null}
            values={lt?.stitched ?? null}
            domain={[classifier ? 0 : -0.5, 1]}
            reference={tables?.own.map((o) => o[1])}
            referenceLabel="network B alone"
            caption={
              tables
                ? `Dashed: network B alone (${tables.own.map((o, i) => `${ACTIVATION_LABELS[activations[i]!]} ${o[1].toFixed(3)}`).join(', ')}). Maps: ${MAP_KINDS.map((k) => MAP_LABELS[k]).join(', ')}.`
                : undefined
            }
          />
        </Span>
        <CorrelationHeatmap
          snapshot={snapshot}
          act={act}
          layer={layer}
          label={`${ACTIVATION_LABELS[activations[act]!]}, layer ${layer}`}
          controls={actSelect}
        />
        <Span wide>
          <GroupTable highlight={activations} />
        </Span>
      </div>
    </div>
  );
}
