import type { LabViewProps } from '../../../ui/lab-view-types';
import { LossCurve } from '../../../ui/charts/LossCurve';
import { num } from '../../../engine/params';
import { snapshotReadouts } from '../metrics';
import { CapturedBars } from './CapturedBars';
import { HistoryChart } from './HistoryChart';
import { useHistory } from './useHistory';
import { PCA_ABOUT } from './about';

/** The PCA lab's views, laid out by the shell's CSS grid. */
export default function PcaViews(props: LabViewProps) {
  const { snapshot, staticData, params } = props;
  const readouts = snapshot ? snapshotReadouts(snapshot, staticData) : null;
  const step = snapshot?.step ?? null;
  const alignment = useHistory(step, readouts?.alignment ?? null);
  const expected = useHistory(step, readouts?.expectedLoss ?? null);
  const d = num(params, 'd');
  const k = Math.min(num(params, 'k'), d);
  const lambda = staticData.lambda ? Array.from(staticData.lambda.data) : [];
  return (
    <div className="view-grid">
      <HistoryChart
        id="alignment"
        title="Alignment with the top-k principal subspace"
        about={PCA_ABOUT.alignment}
        points={alignment}
        reference={k / d}
        referenceLabel={`null k/d = ${(k / d).toFixed(3)}`}
        yLabel="mean cos² θ"
        yDomain={[0, 1]}
        testId="pca-alignment"
        caption="1: span(W₂) is the principal subspace; dashed: a random k-dim subspace on average."
      />
      <HistoryChart
        id="optimum"
        title="Expected loss against the optimum Σ_(i≥k) λᵢ"
        about={PCA_ABOUT.optimum}
        points={expected}
        reference={readouts?.optimumLoss ?? null}
        referenceLabel={readouts ? `optimum ${readouts.optimumLoss.toFixed(4)}` : ''}
        yLabel="E‖x − x̂‖²"
        testId="pca-expected-loss"
      />
      <CapturedBars readouts={readouts} lambda={lambda} k={k} />
      <LossCurve lossHistory={props.lossHistory} snapshot={snapshot} />
    </div>
  );
}
