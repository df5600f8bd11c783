import { useMemo } from 'react';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { withStatic } from './shared';
import { LossCurve } from '../../../ui/charts/LossCurve';
import { Cycles } from './Cycles';
import { WEEKDAYS } from '../analysis';
import { isTextData } from '../params';
import { GramClustered } from './GramClustered';
import { PmiScatter } from './PmiScatter';
import { Reconstruction } from './Reconstruction';
import { WordMap } from './WordMap';
import { OwnCorpus } from './OwnCorpus';

/** A constant, so the throttled Cycles view keeps its props' identity between snapshots. */
const WEEKDAY_CYCLE = { name: 'weekdays', list: WEEKDAYS };

/** The bows lab's views, laid out by the shell's CSS grid. */
export default function BowsViews(props: LabViewProps) {
  const snapshot = useMemo(() => withStatic(props.snapshot, props.staticData), [props.snapshot, props.staticData]);
  return (
    <div className="view-grid">
      <GramClustered snapshot={snapshot} />
      <WordMap snapshot={snapshot} viewState={props.viewState} setViewState={props.setViewState} params={props.params} />
      <PmiScatter snapshot={snapshot} />
      <Cycles snapshot={snapshot} viewState={props.viewState} setViewState={props.setViewState} />
      {isTextData(String(props.params.data)) ? (
        <Cycles snapshot={snapshot} viewState={props.viewState} setViewState={props.setViewState} fixed={WEEKDAY_CYCLE} />
      ) : null}
      <Reconstruction snapshot={snapshot} params={props.params} />
      <OwnCorpus snapshot={snapshot} params={props.params} trainOnFiles={props.trainOnFiles} trainingFiles={props.trainingFiles} />
      <LossCurve lossHistory={props.lossHistory} snapshot={snapshot} />
    </div>
  );
}
