import type { LabViewProps } from '../../../ui/lab-view-types';
import { LossCurve } from '../../../ui/charts/LossCurve';
import { BlockGram } from './BlockGram';
import { CapacityPlot } from './CapacityPlot';
import { KurtosisSweep } from './KurtosisSweep';
import { MarginalGain } from './MarginalGain';
import { TotalCapacity } from './TotalCapacity';

/** The capacity lab's views, laid out by the shell's CSS grid. */
export default function CapacityViews(props: LabViewProps) {
  return (
    <div className="view-grid">
      <CapacityPlot snapshot={props.snapshot} metrics={props.metrics} params={props.params} />
      <BlockGram
        snapshot={props.snapshot}
        metrics={props.metrics}
        params={props.params}
        viewState={props.viewState}
        setViewState={props.setViewState}
      />
      <MarginalGain snapshot={props.snapshot} metrics={props.metrics} params={props.params} />
      <TotalCapacity snapshot={props.snapshot} metrics={props.metrics} params={props.params} />
      <KurtosisSweep sweep={props.sweep} runSweep={props.runSweep} sweepProgress={props.sweepProgress} />
      <LossCurve lossHistory={props.lossHistory} snapshot={props.snapshot} />
    </div>
  );
}
