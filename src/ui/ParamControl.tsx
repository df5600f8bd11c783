import { useEffect, useState } from 'react';
import type { ParamSpec, ParamValue } from '../engine/lab';
import { formatParam } from '../engine/params';

/** One schema-driven control. Sliders commit on release so a drag resets the run once. */
export function ParamControl(props: { spec: ParamSpec; value: ParamValue; onCommit: (value: ParamValue) => void }) {
  const { spec, value, onCommit } = props;
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const id = `param-${spec.key}`;

  if (spec.kind === 'enum') {
    return (
      <label className="param" htmlFor={id} title={spec.help}>
        <span>{spec.label}</span>
        <select id={id} data-testid={id} value={String(value)} onChange={(e) => onCommit(e.target.value)}>
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
    );
  }
  if (spec.kind === 'bool') {
    return (
      <label className="param" htmlFor={id} title={spec.help}>
        <span>{spec.label}</span>
        <input id={id} data-testid={id} type="checkbox" checked={Boolean(value)} onChange={(e) => onCommit(e.target.checked)} />
      </label>
    );
  }
  if (spec.kind === 'text') {
    // Committed on Enter or on leaving the field; the codec validates it like a link's value.
    const commitText = () => {
      if (draft !== value) onCommit(String(draft));
    };
    return (
      <label className="param" htmlFor={id} title={spec.help}>
        <span>{spec.label}</span>
        <input
          id={id}
          data-testid={id}
          type="text"
          maxLength={spec.maxLength}
          value={String(draft)}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitText();
          }}
          onBlur={commitText}
        />
      </label>
    );
  }
  const toSlider = (v: number) => (spec.log ? Math.log10(v) : v);
  const fromSlider = (s: number) => {
    const v = spec.log ? 10 ** s : s;
    return spec.kind === 'int' ? Math.round(v) : +v.toPrecision(4);
  };
  const lo = toSlider(spec.min);
  const hi = toSlider(spec.max);
  const stepSize = spec.log ? (hi - lo) / 200 : spec.kind === 'int' ? 1 : (spec.step ?? (hi - lo) / 200);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <label className="param" htmlFor={id} title={spec.help}>
      <span>
        {spec.label} <output data-testid={`${id}-value`}>{formatParam(draft)}</output>
      </span>
      <input
        id={id}
        data-testid={id}
        type="range"
        min={lo}
        max={hi}
        step={stepSize}
        value={toSlider(Number(draft))}
        onChange={(e) => setDraft(fromSlider(Number(e.target.value)))}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
      />
    </label>
  );
}
