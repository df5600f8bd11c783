import { dismissNotice, useLab } from '../state/store';

/** Warnings about the URL, backend changes and divergence; untrusted text is rendered as text only. */
export function Notices() {
  const notices = useLab((s) => s.notices);
  if (!notices.length) return null;
  return (
    <div className="notices" role="status">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.level}`} data-testid={n.source === 'url' ? 'url-warning' : `notice-${n.level}`}>
          <span>{n.text}</span>
          <button type="button" className="small" aria-label="Dismiss" onClick={() => dismissNotice(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
