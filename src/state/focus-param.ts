/**
 * `focus=<view>` (one view full screen) and `embed=1&view=<view>` (one view for an iframe in
 * slides) from a link. Untrusted: a view must be one of the lab's `viewIds`; anything else is named
 * in a warning and ignored.
 */
import type { LabManifest } from '../engine/lab';
import { quote } from './param-codec';

export interface FocusState {
  /** Embed mode: one view with play/step/reset only, filling its frame. */
  embed: boolean;
  /** The view shown alone, or null for all of them. */
  focus: string | null;
}

export const FOCUS_KEYS = ['focus', 'embed', 'view'] as const;

export function decodeFocus(lab: LabManifest, get: (key: string) => string | null): { focus: FocusState; warnings: string[] } {
  const warnings: string[] = [];
  const focus: FocusState = { embed: false, focus: null };
  const embedRaw = get('embed');
  if (embedRaw === '1' || embedRaw === 'true') focus.embed = true;
  else if (embedRaw !== null && embedRaw !== '0' && embedRaw !== 'false') warnings.push(`embed=${quote(embedRaw)} should be 1 or 0.`);

  const known = (key: 'focus' | 'view'): string | null => {
    const raw = get(key);
    if (raw === null) return null;
    if (lab.viewIds.includes(raw)) return raw;
    warnings.push(`${key}=${quote(raw)} is not a view of ${lab.id} (one of ${lab.viewIds.join(', ')}); it was ignored.`);
    return null;
  };
  const view = known('view');
  const focused = known('focus');
  if (view !== null && focused !== null && view !== focused)
    warnings.push(`view=${quote(view)} and focus=${quote(focused)} disagree; showing ${focused}.`);
  focus.focus = focused ?? view;
  if (focus.embed && focus.focus === null) {
    focus.focus = lab.viewIds[0] ?? null;
    warnings.push(`embed=1 needs view=<one of ${lab.viewIds.join(', ')}>; showing ${focus.focus ?? 'nothing'}.`);
  }
  return { focus, warnings };
}

/** The link's keys for this state: `embed=1&view=…`, or `focus=…`, or nothing. */
export function encodeFocus(state: FocusState, q: URLSearchParams): void {
  if (state.embed && state.focus) {
    q.set('embed', '1');
    q.set('view', state.focus);
  } else if (state.focus) q.set('focus', state.focus);
}
