import { useState } from 'react';
import { pause, play, reset, setSpeed, shareableUrl, shareableUrlWithWeights, stepOnce } from '../state/controller';
import { addNotice, useLab } from '../state/store';
import { SPEEDS } from '../state/url-state';

const speedLabel = (s: number) => (s === 0 ? 'max' : `${s}/s`);

export function Toolbar() {
  const playing = useLab((s) => s.playing);
  const ready = useLab((s) => s.ready);
  const step = useLab((s) => s.step);
  const speed = useLab((s) => s.speed);
  const rate = useLab((s) => s.stepsPerSecond);
  const loss = useLab((s) => s.snapshot?.loss);
  const progress = useLab((s) => s.progress);
  const [link, setLink] = useState('');

  const copyLink = async (withWeights = false) => {
    const url = withWeights ? shareableUrlWithWeights() : shareableUrl();
    if (!url) {
      addNotice('This model is too large to carry its weights in a link; export the snapshot JSON instead.', 'info');
      return;
    }
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // Clipboard can be refused (no permission, insecure context); the link stays selectable below.
    }
  };

  return (
    <div className="toolbar" role="region" aria-label="Training">
      <button
        type="button"
        className="core"
        data-testid="play"
        disabled={!ready}
        onClick={() => (playing ? pause() : play())}
        aria-label={playing ? 'Pause' : 'Play'}
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button
        type="button"
        className="core"
        data-testid="step"
        disabled={!ready || playing}
        onClick={() => stepOnce()}
        title="One step (→)"
      >
        Step
      </button>
      <button type="button" className="core" data-testid="reset" disabled={!ready} onClick={() => reset()} title="Reset (r)">
        Reset
      </button>
      <label className="inline">
        speed
        <select data-testid="speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <span className="readout" data-testid="step-count">
        step {step.toLocaleString('en')}
      </span>
      <span className="readout" data-testid="loss-readout">
        loss {loss === undefined || !Number.isFinite(loss) ? '—' : loss.toPrecision(4)}
      </span>
      <span className="readout">{playing ? `${Math.round(rate).toLocaleString('en')} steps/s` : ''}</span>
      {progress ? (
        <label className="inline" data-testid="load-progress">
          {progress.label}
          <progress max={1} value={progress.fraction} />
        </label>
      ) : null}
      <button type="button" data-testid="copy-link" onClick={() => void copyLink()} title="A link that reproduces this run from its seed">
        Copy link
      </button>
      <button
        type="button"
        data-testid="copy-link-weights"
        disabled={!ready}
        onClick={() => void copyLink(true)}
        title="The link plus the trained weights (small models)"
      >
        + weights
      </button>
      {link ? <input className="share-link" data-testid="share-link" readOnly value={link} onFocus={(e) => e.target.select()} /> : null}
    </div>
  );
}
