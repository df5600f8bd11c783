import { LAYER_NAMES } from '../constants';

/** Picks the layer analysed by every view (view state, does not reset training). */
export function LayerSelect(props: { layer: number; setLayer(name: string): void; testId: string }) {
  return (
    <select
      className="small"
      data-testid={props.testId}
      aria-label="layer"
      value={LAYER_NAMES[props.layer]}
      onChange={(e) => props.setLayer(e.target.value)}
    >
      {LAYER_NAMES.map((name, l) => (
        <option key={name} value={name}>
          {name}
          {l === LAYER_NAMES.length - 1 ? ' (penultimate)' : ''}
        </option>
      ))}
    </select>
  );
}
