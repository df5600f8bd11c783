/**
 * The open tour: caption, "step k of n", previous / next, close; the step's view is outlined and
 * scrolled into view. With no tour open, a small "Tours" menu: the built-in tours and a file input
 * for the user's own tour.
 */
import { lazy, Suspense, useEffect, useState, type KeyboardEvent } from 'react';
import { closeTour, goTo, openTourFile } from '../tours/controller';
import { BUILTIN_TOURS, builtinTourSummary } from '../tours/builtin';
import { describeAdvance } from '../tours/advance';
import { useTour } from '../tours/store';
import { shareableUrl } from '../state/controller';
import { addNotice, useLab } from '../state/store';
import { useTourKeys } from './useTourKeys';
import './tour.css';
import { FilePicker } from './FilePicker';

const TourCaption = lazy(() => import('./TourCaption'));

/**
 * Space on a focused control of the tour activates that control: it does not reach the page's
 * Space = play / pause shortcut (React's stopPropagation stops the native event before `window`).
 */
const keepSpace = (e: KeyboardEvent<HTMLElement>) => {
  if (e.key === ' ' && e.target instanceof HTMLElement && e.target.matches('button, summary, input, a')) e.stopPropagation();
};

/** Scrolls the step's view into sight once it is drawn (views load lazily). */
function useScrollTo(viewId: string | undefined, key: string): void {
  useEffect(() => {
    if (!viewId) return;
    let tries = 0;
    let timer = 0;
    const find = () => {
      const el = document.querySelector(`[data-testid="view-${viewId}"]`);
      if (el) {
        const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        el.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
      } else if (++tries < 50) timer = window.setTimeout(find, 200);
    };
    timer = window.setTimeout(find, 50);
    return () => window.clearTimeout(timer);
  }, [viewId, key]);
}

function TourFileInput() {
  return (
    <FilePicker
      className="tour-file"
      label="Open a tour file…"
      accept=".json,application/json"
      testId="tour-file"
      onFile={(file) => void openTourFile(file)}
    />
  );
}

function TourLauncher() {
  return (
    <details className="tour-launcher" data-testid="tour-launcher" onKeyDown={keepSpace}>
      <summary>Tours</summary>
      <ul aria-label="Guided tours">
        {Object.keys(BUILTIN_TOURS).map((id) => {
          const summary = builtinTourSummary(id);
          return summary ? (
            <li key={id}>
              <a href={`?tour=${encodeURIComponent(id)}`}>{summary.title}</a>{' '}
              <span className="hint">
                ({id}, {summary.steps} steps)
              </span>
            </li>
          ) : null;
        })}
      </ul>
      <TourFileInput />
    </details>
  );
}

export function TourPanel() {
  useTourKeys();
  const tour = useTour((s) => s.tour);
  const ref = useTour((s) => s.ref);
  const index = useTour((s) => s.index);
  const reached = useTour((s) => s.reached);
  const boots = useLab((s) => s.boots);
  const [copied, setCopied] = useState(false);
  const step = tour?.steps[index];
  useScrollTo(step?.spotlight, `${index}:${boots}`);
  useEffect(() => setCopied(false), [index, tour]);
  if (!tour || !step) return <TourLauncher />;
  const count = tour.steps.length;
  const first = index === 0;
  const last = index === count - 1;
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(shareableUrl());
      setCopied(true);
    } catch {
      addNotice('The clipboard refused the link; copy it from the address bar.', 'info');
    }
  };
  return (
    <aside className="tour-panel" aria-label={`Tour: ${tour.title}`} data-testid="tour-panel" data-step={index + 1} onKeyDown={keepSpace}>
      {/* The spotlight: the id is a validated slug, so it is safe inside a selector. */}
      {step.spotlight ? (
        <style
          data-testid="tour-spotlight"
          data-view={step.spotlight}
        >{`[data-testid="view-${step.spotlight}"] { outline: 3px solid var(--accent); outline-offset: 3px; box-shadow: 0 0 0 8px color-mix(in srgb, var(--accent) 18%, transparent); }`}</style>
      ) : null}
      <header className="tour-header">
        <h2 className="tour-title">{tour.title}</h2>
        <button type="button" className="small" onClick={closeTour} aria-label="Close the tour" data-testid="tour-close">
          ×
        </button>
      </header>
      <p className="tour-count" aria-live="polite" data-testid="tour-count">
        Step {index + 1} of {count}
        {step.title ? <strong>: {step.title}</strong> : null}
      </p>
      <Suspense fallback={<p className="tour-caption">{step.caption}</p>}>
        <TourCaption text={step.caption} />
      </Suspense>
      {step.advance ? (
        <p className="hint" data-testid="tour-advance" data-reached={reached}>
          {reached ? '✓ Done: this step ' : 'This step '}
          {describeAdvance(step.advance)}.
        </p>
      ) : null}
      <div className="tour-nav" role="group" aria-label="Tour steps">
        <button
          type="button"
          data-testid="tour-prev"
          aria-disabled={first}
          aria-keyshortcuts="ArrowLeft PageUp"
          onClick={() => !first && goTo(index - 1)}
        >
          <span aria-hidden="true">← </span>Previous
        </button>
        <button
          type="button"
          data-testid="tour-next"
          aria-disabled={last}
          aria-keyshortcuts="ArrowRight PageDown"
          onClick={() => !last && goTo(index + 1)}
        >
          Next<span aria-hidden="true"> →</span>
        </button>
        {ref?.kind === 'data' ? (
          <button type="button" className="small" data-testid="tour-copy" onClick={() => void copyLink()}>
            {copied ? 'Link copied' : 'Copy tour link'}
          </button>
        ) : null}
        {ref?.kind === 'file' ? (
          <span className="hint" data-testid="tour-local">
            Too large for a link: share the file.
          </span>
        ) : null}
        <TourFileInput />
      </div>
    </aside>
  );
}
