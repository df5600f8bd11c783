import { useLab } from '../state/store';
import { SHORTCUTS } from './useShortcuts';

export function HelpOverlay() {
  const open = useLab((s) => s.helpOpen);
  if (!open) return null;
  const close = () => useLab.setState({ helpOpen: false });
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" data-testid="help" onClick={close}>
      <div className="overlay-card" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <td>
                  <kbd>{s.keys}</kbd>
                </td>
                <td>{s.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          URL options: <code>hide=lr,batch</code> hides controls, <code>autoplay=1</code> starts training, <code>lecture=1</code> opens in
          lecture mode, <code>focus=arrows</code> shows one view full size, <code>embed=1&amp;view=arrows</code> one view for slides,{' '}
          <code>backend=wasm|webgl|webgpu|cpu</code> forces a backend, <code>tour=superposition&amp;tourStep=2</code> opens a guided tour at
          its second step.
        </p>
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </div>
  );
}
