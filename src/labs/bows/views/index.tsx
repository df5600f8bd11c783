import type { LabViewProps } from '../../../ui/lab-view-types';
import { LossCurve } from '../../../ui/charts/LossCurve';
import { Cycles } from './Cycles';
import { WEEKDAYS } from '../analysis';
import { isTextData } from '../params';
import { GramClustered } from './GramClustered';
import { PmiScatter } from './PmiScatter';
import { Reconstruction } from './Reconstruction';
import { WordMap } from './WordMap';
import { OwnCorpus } from './OwnCorpus';

/** The bows lab's views, laid out by the shell's CSS grid. */
export default function BowsViews(props: LabViewProps) {
  return (
    <div className="view-grid">
      <GramClustered snapshot={props.snapshot} />
      <WordMap snapshot={props.snapshot} viewState={props.viewState} setViewState={props.setViewState} params={props.params} />
      <PmiScatter snapshot={props.snapshot} />
      <Cycles snapshot={props.snapshot} viewState={props.viewState} setViewState={props.setViewState} />
      {isTextData(String(props.params.data)) ? (
        <Cycles snapshot={props.snapshot} viewState={props.viewState} setViewState={props.setViewState} fixed={{ name: 'weekdays', list: WEEKDAYS }} />
      ) : null}
      <Reconstruction snapshot={props.snapshot} params={props.params} />
      <OwnCorpus snapshot={props.snapshot} params={props.params} trainOnFiles={props.trainOnFiles} trainingFiles={props.trainingFiles} />
      <LossCurve lossHistory={props.lossHistory} snapshot={props.snapshot} />
    </div>
  );
}
