import type { LabViewProps } from '../../../ui/lab-view-types';
import { DimensionalityPlot } from './DimensionalityPlot';
import { FeatureArrows } from './FeatureArrows';
import { GramHeatmap } from './GramHeatmap';
import { LossCurve } from '../../../ui/charts/LossCurve';
import { PhaseDiagram } from './PhaseDiagram';

/** The superposition lab's views, laid out by the shell's CSS grid. */
export default function SuperpositionViews(props: LabViewProps) {
  return (
    <div className="view-grid">
      <FeatureArrows snapshot={props.snapshot} viewState={props.viewState} setViewState={props.setViewState} />
      <GramHeatmap snapshot={props.snapshot} />
      <DimensionalityPlot snapshot={props.snapshot} metrics={props.metrics} />
      <LossCurve lossHistory={props.lossHistory} snapshot={props.snapshot} />
      <PhaseDiagram sweep={props.sweep} runSweep={props.runSweep} sweepProgress={props.sweepProgress} />
    </div>
  );
}
