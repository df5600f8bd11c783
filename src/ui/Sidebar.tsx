import { applyPreset, setBackend, setParam } from '../state/controller';
import { useLab } from '../state/store';
import { findLab } from '../labs/manifests';
import { BACKEND_REQUESTS } from '../engine/backend-names';
import type { BackendRequest } from '../engine/backend-names';
import { ParamControl } from './ParamControl';
import { DataExports } from './DataExports';

export function Sidebar() {
  const labId = useLab((s) => s.labId);
  const params = useLab((s) => s.params);
  const hide = useLab((s) => s.hide);
  const preset = useLab((s) => s.preset);
  const backend = useLab((s) => s.backend);
  const lab = findLab(labId);
  if (!lab) return null;
  const presetInfo = lab.presets.find((p) => p.name === preset);
  return (
    <aside className="sidebar">
      <label className="param">
        <span>preset</span>
        <select data-testid="preset" value={preset ?? ''} onChange={(e) => applyPreset(e.target.value)}>
          <option value="" disabled>
            custom
          </option>
          {lab.presets.map((p) => (
            <option key={p.name} value={p.name}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {presetInfo ? <p className="hint">{presetInfo.description}</p> : null}
      {lab.params
        .filter((spec) => !hide.includes(spec.key))
        .map((spec) => (
          <ParamControl key={spec.key} spec={spec} value={params[spec.key] ?? spec.default} onCommit={(v) => setParam(spec.key, v)} />
        ))}
      <label className="param">
        <span>backend</span>
        <select data-testid="backend-select" value={backend} onChange={(e) => setBackend(e.target.value as BackendRequest)}>
          {BACKEND_REQUESTS.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      <DataExports />
    </aside>
  );
}
