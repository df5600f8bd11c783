/**
 * The tour part of a link: `tour=<id>` (a built-in tour) or `tourData=<lz-string>` (a shared tour
 * file), and `tourStep=k`, **1-based** like the panel's "step k of n". Untrusted like the rest of
 * the query: nothing here throws, and every problem is a message.
 */
// The default export: lz-string is CommonJS (see state/hash-snapshot.ts).
import LZString from 'lz-string';
import { MAX_QUERY_LENGTH, decodeUrlState, encodeUrlState } from '../state/url-state';
import { parseQuery } from '../state/query';
import { MAX_TOUR_BYTES, parseTourText, type Tour } from './schema';
import { searchFor } from './step-search';

export type TourRef = { kind: 'builtin'; id: string } | { kind: 'data'; data: string } | { kind: 'file'; name: string };

export interface TourLink {
  ref: TourRef | null;
  /** The requested step, 1-based as written in the link; null when absent or not a number. */
  step: number | null;
  /** True when the link carries its own lab state (`lab=`): it then wins over the step's. */
  hasLabState: boolean;
  warnings: string[];
}

const show = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

export function readTourLink(search: string): TourLink {
  const { entries } = parseQuery(search.length > MAX_QUERY_LENGTH ? '' : search);
  const get = (key: string): string | null => {
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i]![0] === key) return entries[i]![1];
    return null;
  };
  const warnings: string[] = [];
  const id = get('tour');
  const data = get('tourData');
  const stepRaw = get('tourStep');
  let ref: TourRef | null = null;
  if (id !== null && data !== null) warnings.push('The link gives both tour= and tourData=; the built-in tour is opened.');
  if (id !== null) ref = { kind: 'builtin', id };
  else if (data !== null) ref = { kind: 'data', data };
  let step: number | null = null;
  if (stepRaw !== null) {
    if (/^[0-9]{1,4}$/.test(stepRaw)) step = Number(stepRaw);
    else warnings.push(`tourStep=${show(stepRaw)} is not a step number; opening step 1.`);
    if (ref === null) warnings.push('tourStep= is given without a tour; it was ignored.');
  }
  return { ref, step, hasLabState: get('lab') !== null, warnings };
}

/** The 0-based index for a 1-based `tourStep`, clamped into the tour with a message. */
export function stepIndex(step: number | null, count: number): { index: number; warning?: string } {
  if (step === null) return { index: 0 };
  if (step >= 1 && step <= count) return { index: step - 1 };
  return { index: 0, warning: `tourStep=${step} is not a step of this tour (1–${count}); opening step 1.` };
}

/** The query keys that reproduce a tour at a step (0-based `index`), without a leading separator; '' for a tour that no link can carry. */
export function encodeTourParams(ref: TourRef | null, index: number): string {
  if (!ref || ref.kind === 'file') return '';
  // lz-string's alphabet has `+`, which a query reads as a space: escaped (its decoder would also undo that).
  const head = ref.kind === 'builtin' ? `tour=${encodeURIComponent(ref.id)}` : `tourData=${encodeURIComponent(ref.data)}`;
  return `${head}&tourStep=${index + 1}`;
}

/** A tour in the compact form a link carries (lz-string's URI-safe alphabet). */
export function encodeTourData(tour: Tour): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify(tour));
}

export function decodeTourData(data: string): { tour: Tour } | { error: string } {
  if (data.length > MAX_QUERY_LENGTH)
    return { error: `The link's tourData is ${data.length} characters long (limit ${MAX_QUERY_LENGTH}).` };
  let text: string | null;
  try {
    text = LZString.decompressFromEncodedURIComponent(data);
  } catch {
    text = null;
  }
  if (!text) return { error: "The link's tourData could not be decompressed: the link may be cut short or altered." };
  if (text.length > MAX_TOUR_BYTES)
    return {
      error: `The link's tour is ${text.length.toLocaleString('en')} characters long; the limit is ${MAX_TOUR_BYTES.toLocaleString('en')}.`,
    };
  const parsed = parseTourText(text);
  return 'error' in parsed ? { error: `The link's tour: ${parsed.error}` } : parsed;
}

/** The longest query (without `?`) any step of this tour needs when it rides in the link as `data`: at most MAX_QUERY_LENGTH to be shared. */
export function sharedLinkLength(tour: Tour, data: string): number {
  let longest = 0;
  for (const [i, step] of tour.steps.entries()) {
    const query = encodeUrlState(decodeUrlState(searchFor(step, { lecture: false, backend: 'auto', speed: 0 })).state);
    longest = Math.max(longest, query.length - 1 + 1 + encodeTourParams({ kind: 'data', data }, i).length);
  }
  return longest;
}
