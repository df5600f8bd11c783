import { useContext, useId, useRef, useState, type ReactNode } from 'react';
import { KatexFormula } from './KatexFormula';
import { ViewFocusContext } from './view-focus';
import { download, pngBlob, svgBlob } from './export';

/** "About this view": what is plotted, its formula, how to read it, what to try, where it comes from. */
export interface ViewAbout {
  plotted: string;
  /** Plain-text (Unicode) formula. */
  formula: string;
  /** The same formula in TeX, typeset with KaTeX when the panel opens (the plain text is its fallback). */
  tex?: string;
  read: string;
  tryThis: string;
  paper: string;
}

function About({ id, about, open }: { id: string; about: ViewAbout; open: boolean }) {
  // KaTeX loads only once the panel has been opened.
  const [shown, setShown] = useState(open);
  const rows: Array<[string, ReactNode]> = [
    ['What is plotted', about.plotted],
    ['Formula', about.tex && (shown || open) ? <KatexFormula tex={about.tex} fallback={about.formula} /> : about.formula],
    ['How to read it', about.read],
    ['Try', about.tryThis],
    ['From', about.paper],
  ];
  return (
    <details
      className="view-about"
      data-testid={`about-${id}`}
      open={open || undefined}
      onToggle={(e) => e.currentTarget.open && setShown(true)}
    >
      <summary>About this view</summary>
      <dl>
        {rows.map(([term, content]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd className={term === 'Formula' ? 'formula' : undefined}>{content}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/**
 * A titled view whose first <svg> can be exported. Children render the chart; the panel owns
 * the export buttons so every view gets PNG and SVG for free.
 */
export function ViewPanel(props: {
  id: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  caption?: ReactNode;
  about?: ViewAbout;
}) {
  const body = useRef<HTMLDivElement>(null);
  const summaryId = useId();
  const { focus, embed, setFocus } = useContext(ViewFocusContext);
  const focused = focus === props.id;
  const svg = () => body.current?.querySelector('svg') ?? null;
  const exportAs = async (kind: 'png' | 'svg') => {
    const el = svg();
    if (!el) return;
    download(`${props.id}.${kind}`, kind === 'svg' ? svgBlob(el) : await pngBlob(el));
  };
  return (
    <section
      className={focused ? 'view-panel view-focused' : 'view-panel'}
      data-testid={`view-${props.id}`}
      data-view-id={props.id}
      aria-label={props.title}
      aria-describedby={summaryId}
    >
      <header className="view-header">
        <h3>{props.title}</h3>
        <div className="view-actions">
          {props.actions}
          {embed ? null : (
            <button
              type="button"
              className="small"
              data-testid={`focus-${props.id}`}
              aria-pressed={focused}
              onClick={() => setFocus(focused ? null : props.id)}
              title={focused ? 'Show all views' : 'Show this view alone, full size'}
            >
              {focused ? 'All views' : 'Focus'}
            </button>
          )}
          <button type="button" className="small export" onClick={() => void exportAs('png')} title="Download as PNG">
            PNG
          </button>
          <button type="button" className="small export" onClick={() => void exportAs('svg')} title="Download as SVG">
            SVG
          </button>
        </div>
      </header>
      {/* For screen readers: what the chart shows and, where the caption states it in words, what it shows now. */}
      <p className="sr-only" id={summaryId}>
        {[props.title, props.about?.plotted, typeof props.caption === 'string' ? props.caption : null].filter(Boolean).join('. ')}
      </p>
      <div className="view-body" ref={body}>
        {props.children}
      </div>
      {props.caption ? <p className="view-caption">{props.caption}</p> : null}
      {props.about ? <About id={props.id} about={props.about} open={focused && !embed} /> : null}
    </section>
  );
}
