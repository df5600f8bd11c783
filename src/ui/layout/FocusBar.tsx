import { useEffect } from 'react';

/** The ids of the views on the page now, in page order. */
function viewsOnPage(): string[] {
  const ids = [...document.querySelectorAll<HTMLElement>('.views [data-view-id]')].map((el) => el.dataset.viewId ?? '');
  return [...new Set(ids.filter(Boolean))];
}

function page(focus: string, delta: number, setFocus: (view: string) => void): void {
  const ids = viewsOnPage();
  if (!ids.length) return;
  setFocus(ids[(ids.indexOf(focus) + delta + ids.length) % ids.length]!);
}

/**
 * Above a view shown alone: previous / next view and back to all of them. PageUp and PageDown
 * (what a presenter's clicker sends) page through the views too.
 */
export function FocusBar({ focus, setFocus }: { focus: string; setFocus: (view: string | null) => void }) {
  const go = (delta: number) => page(focus, delta, setFocus);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'PageDown' && e.key !== 'PageUp') return;
      e.preventDefault();
      page(focus, e.key === 'PageDown' ? 1 : -1, setFocus);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focus, setFocus]);
  return (
    <nav className="focus-bar" aria-label="Views" data-testid="focus-bar">
      <button type="button" data-testid="focus-prev" onClick={() => go(-1)} title="Previous view (PageUp)">
        ◀ Previous view
      </button>
      <button type="button" data-testid="focus-next" onClick={() => go(1)} title="Next view (PageDown)">
        Next view ▶
      </button>
      <button type="button" data-testid="focus-all" onClick={() => setFocus(null)}>
        All views
      </button>
    </nav>
  );
}
