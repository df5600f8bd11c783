/**
 * The page at `/` without a query: every lab as a gallery of real links (they open in a new tab
 * with a middle click), each with its summary, its presets and its guided tour (`?tour=`). Every `?lab=` link still opens its
 * lab directly; nothing here starts the training worker. Each card has a small drawn thumbnail.
 */
import { LABS } from '../labs/manifests';
import { LabThumbnail } from './LabThumbnail';
import { builtinTourSummary } from '../tours/builtin';

const labHref = (id: string, preset?: string) => `?lab=${encodeURIComponent(id)}${preset ? `&preset=${encodeURIComponent(preset)}` : ''}`;

export function Landing() {
  return (
    <div className="app landing" data-testid="landing">
      <header className="app-header">
        <h1>Geometry Lab</h1>
        <p className="hint">Train small networks in your browser and watch the geometry of their representations form.</p>
      </header>
      <main>
        <ul className="lab-gallery" aria-label="Labs">
          {LABS.map((lab) => (
            <li key={lab.id} className="lab-card" data-testid={`landing-${lab.id}`}>
              <a href={labHref(lab.id)} tabIndex={-1} aria-hidden="true" className="lab-thumb-link">
                <LabThumbnail id={lab.id} />
              </a>
              <h2>
                <a href={labHref(lab.id)}>{lab.title}</a>
              </h2>
              <p>{lab.summary}</p>
              {lab.presets.length ? (
                <p className="hint">
                  Presets:{' '}
                  {lab.presets.map((p, i) => (
                    <span key={p.name}>
                      {i ? ', ' : ''}
                      <a href={labHref(lab.id, p.name)} title={p.description}>
                        {p.name}
                      </a>
                    </span>
                  ))}
                </p>
              ) : null}
              <TourLink labId={lab.id} />
            </li>
          ))}
        </ul>
      </main>
    </div>
  );
}

/** The lab's guided tour, a real link. */
function TourLink({ labId }: { labId: string }) {
  const tour = builtinTourSummary(labId);
  if (!tour) return null;
  return (
    <p className="hint">
      Guided tour:{' '}
      <a href={`?tour=${encodeURIComponent(tour.id)}`} data-testid={`tour-link-${labId}`}>
        {tour.title}
      </a>{' '}
      ({tour.steps} steps)
    </p>
  );
}

/** True for the bare address (no query, no hash): the landing page instead of a lab. */
export function isLandingUrl(search: string, hash: string): boolean {
  return (search === '' || search === '?') && (hash === '' || hash === '#');
}
