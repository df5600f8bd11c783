import { useMemo, useRef } from 'react';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { ViewPanel } from '../../../ui/ViewPanel';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { num } from '../../../engine/params';
import { defaultEpsilon } from '../params';
import { slotNames } from '../metrics';
import { analyseModel, planeOptions, snapshotModels, type ModelAnalysis } from './analysis';
import { AnisotropyChart, LatentScatter, PppmImages, SrmPolar } from './charts';
import { ImportPanel } from './ImportPanel';
import { emptyPppmHint } from './pppm-hint';
import { anisotropyState } from './anisotropy-caption';
import { SPOTLIGHT_ABOUT } from './about';
import { LossCurve } from '../../../ui/charts/LossCurve';

/** Degrees the spotlight advances per snapshot received (it stops when training stops). */
const SWEEP_PER_SNAPSHOT = (3 * Math.PI) / 180;

function clampEps(text: string | undefined, fallback: number): number {
  const v = Number(text);
  return Number.isFinite(v) && v > 0 && v <= 1 ? v : fallback;
}

export default function SpotlightViews(props: LabViewProps) {
  const { snapshot, staticData, params, viewState, setViewState } = props;
  const k = num(params, 'k');
  const epsilon = clampEps(viewState.eps, defaultEpsilon(k));
  const signed = viewState.signed === '1';
  const normalisedPppm = viewState.pppmnorm === '1';
  const names = useMemo(() => slotNames(params), [params]);
  const analysisStep = snapshot?.analysisStep ?? -1;

  // Re-analyse only when the worker's analysis (latents) changed, or ε / plane / signed changed.
  const models = useMemo(() => snapshotModels(snapshot, staticData, names, defaultEpsilon(k)), [analysisStep, staticData, names, k]); // eslint-disable-line react-hooks/exhaustive-deps
  const K = models[0]?.basis.rows ?? k;
  const analyses = useMemo<ModelAnalysis[]>(
    () => models.map((m) => analyseModel(m, { epsilon, signed, plane: viewState.plane, normalisedPppm })),
    [models, epsilon, signed, viewState.plane, normalisedPppm],
  );

  const sweep = useRef(0);
  const lastSnap = useRef<unknown>(null);
  if (snapshot !== lastSnap.current) {
    lastSnap.current = snapshot;
    sweep.current += SWEEP_PER_SNAPSHOT;
  }

  const labels = staticData.probeLabels?.data ?? null;
  const options = useMemo(() => planeOptions(K), [K]);
  const plane = analyses[0]?.plane.join('-') ?? '0-1';

  const controls = (
    <div className="spotlight-controls" style={{ display: 'flex', gap: 16, alignItems: 'center', flexWrap: 'wrap', margin: '4px 0 8px' }}>
      <label>
        ε{' '}
        <input
          type="range"
          min={0.1}
          max={0.99}
          step={0.01}
          value={epsilon}
          data-testid="spotlight-eps"
          onChange={(e) => setViewState('eps', Number(e.target.value).toFixed(2))}
        />{' '}
        <span data-testid="spotlight-eps-value">{epsilon.toFixed(2)}</span>
      </label>
      <label>
        plane{' '}
        <select data-testid="spotlight-plane" value={plane} onChange={(e) => setViewState('plane', e.target.value)}>
          {options.map((o) => (
            <option key={o} value={o}>{`b${o.split('-')[0]} – b${o.split('-')[1]}`}</option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={signed}
          data-testid="spotlight-signed"
          onChange={(e) => setViewState('signed', e.target.checked ? '1' : '0')}
        />{' '}
        signed SRM
      </label>
      <label>
        <input
          type="checkbox"
          checked={normalisedPppm}
          data-testid="spotlight-pppm-normalised"
          onChange={(e) => setViewState('pppmnorm', e.target.checked ? '1' : '0')}
        />{' '}
        PPPM of â (unit disk)
      </label>
      <span className="hint" data-testid="spotlight-eps-default">{`default ε for k=${k}: ${defaultEpsilon(k)} (${epsilonNote(k)})`}</span>
    </div>
  );

  return (
    <div>
      {controls}
      <div className="view-grid">
        <ViewPanel
          id="anisotropy"
          about={SPOTLIGHT_ABOUT.anisotropy}
          title="Anisotropy against its rotation null, and reconstruction error"
          caption={`mean maxᵢ |bᵢ·â| of the 2,000 probe codes (how close each normalised code lies to its nearest privileged direction; ε-free), divided by its mean over 40 seeded random rotations of the same codes. Right of 1: codes sit on the privileged directions; left: anti-aligned (saturated tanh sits at the hypercube's corners). Outside the grey 95% band: the orientation is not chance. Same numbers as the metrics CSV and the runner. ${anisotropyState(analyses)}`}
        >
          {analyses.length ? <AnisotropyChart models={analyses} /> : <ChartPlaceholder width={340} height={140} />}
        </ViewPanel>
        <ViewPanel
          id="srm"
          about={SPOTLIGHT_ABOUT.srm}
          title="Spotlight resonance (SRM)"
          caption="Mean SRM over planes of privileged directions ± s.d. over planes (as the author plots it); the cone sweeps while training runs."
        >
          {analyses.length ? (
            <SrmPolar models={analyses} epsilon={epsilon} sweep={sweep.current} signed={signed} testId="srm-polar" />
          ) : (
            <ChartPlaceholder width={340} height={340} />
          )}
        </ViewPanel>
        <ViewPanel
          id="pppm"
          about={SPOTLIGHT_ABOUT.pppm}
          title="PPPM density ÷ isotropic density (chosen plane)"
          caption={`Codes within ε of the plane, projected with their magnitudes (the author's view; tick 'PPPM of â' for the unit disk). Red: denser than an isotropic code with the same norms; blue: sparser.${emptyPppmHint(analyses, epsilon)}`}
        >
          {analyses.length ? <PppmImages models={analyses} testId="pppm" /> : <ChartPlaceholder width={340} height={200} />}
        </ViewPanel>
        <ViewPanel
          id="pppm-ensemble"
          about={SPOTLIGHT_ABOUT['pppm-ensemble']}
          title="PPPM ensemble: all planes stacked"
          caption="Every ordered pair of privileged directions (up to 48, a seeded sample) projected into one image, as in the author's figures: discrete clusters for a discretised code, a continuous ring for an isotropic one."
        >
          {analyses.length ? (
            <PppmImages models={analyses} which="ensemble" testId="pppm-ensemble" />
          ) : (
            <ChartPlaceholder width={340} height={200} />
          )}
        </ViewPanel>
        <ViewPanel
          id="latent"
          about={SPOTLIGHT_ABOUT.latent}
          title="Latent activations in the chosen plane"
          caption="Normalised probe digits (colour = digit); red points lie in the cone."
        >
          {analyses.length ? (
            <LatentScatter models={analyses} epsilon={epsilon} sweep={sweep.current} labels={labels} />
          ) : (
            <ChartPlaceholder width={340} height={190} />
          )}
        </ViewPanel>
        <LossCurve lossHistory={props.lossHistory} snapshot={snapshot} />
        <ImportPanel options={{ epsilon, signed, plane: viewState.plane, normalisedPppm }} />
      </div>
    </div>
  );
}

/** Where the default ε comes from. */
function epsilonNote(k: number): string {
  return k <= 4 ? 'ε = 0.9, the SRM paper’s default' : 'as in the author’s k = 16 figures';
}
