import type { LabViewProps } from '../../../ui/lab-view-types';
import { ignoredSettings } from '../metrics';
import { LayerPca } from './LayerPca';
import { TrainingCurves } from './TrainingCurves';
import { VarianceBars } from './VarianceBars';

function Notes({ params }: Pick<LabViewProps, 'params'>) {
  let notes: string[] = [];
  try {
    notes = ignoredSettings(params);
  } catch (err) {
    notes = [err instanceof Error ? err.message : String(err)];
  }
  if (notes.length === 0) return null;
  return (
    <p className="view-caption" data-testid="bias-notes" role="status">
      {notes.join('; ')}
    </p>
  );
}

/** The bias lab's views, laid out by the shell's CSS grid. */
export default function BiasViews(props: LabViewProps) {
  return (
    <>
      <Notes params={props.params} />
      <div className="view-grid">
        <TrainingCurves snapshot={props.snapshot} params={props.params} viewState={props.viewState} setViewState={props.setViewState} />
        <LayerPca
          snapshot={props.snapshot}
          staticData={props.staticData}
          params={props.params}
          viewState={props.viewState}
          setViewState={props.setViewState}
        />
        <VarianceBars snapshot={props.snapshot} params={props.params} viewState={props.viewState} />
      </div>
    </>
  );
}
