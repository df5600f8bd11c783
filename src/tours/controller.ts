/**
 * Opens, moves and closes a tour. A step is applied as a link would be (its lab state goes through
 * the URL codec and `boot`); the address bar always carries the tour and step (`setUrlExtra`), so
 * a reload lands on the same step. A tour that cannot be opened is named in a notice and changes
 * nothing else.
 */
import { boot, pause, play, refreshUrl, setUrlExtra } from '../state/controller';
import { addNotice, useLab, type LabState } from '../state/store';
import { MAX_QUERY_LENGTH, decodeUrlState, encodeUrlState, type UrlState } from '../state/url-state';
import { advanceReached } from './advance';
import { BUILTIN_TOURS } from './builtin';
import { decodeTourData, encodeTourData, encodeTourParams, readTourLink, sharedLinkLength, stepIndex, type TourRef } from './link';
import { MAX_TOUR_BYTES, parseTourText, validateTour, type Tour } from './schema';
import { searchFor } from './step-search';
import { useTour } from './store';

setUrlExtra(() => {
  const t = useTour.getState();
  return t.tour ? encodeTourParams(t.ref, t.index) : '';
});

const show = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

function resolveRef(ref: TourRef): { tour: Tour } | { error: string } {
  if (ref.kind === 'data') return decodeTourData(ref.data);
  if (ref.kind === 'file') return { error: 'A tour file cannot be reopened from a link.' };
  if (!Object.hasOwn(BUILTIN_TOURS, ref.id))
    return { error: `tour=${show(ref.id)} is not a tour; the tours are ${Object.keys(BUILTIN_TOURS).join(', ')}.` };
  return validateTour(BUILTIN_TOURS[ref.id]);
}

/** False while a step is being booted: the store briefly holds the previous run's step then. */
let armed = false;

function bootStep(search: string, hash = ''): void {
  armed = false;
  boot(search, hash);
  armed = true;
}

/** Opens the page from its link (first load, back/forward): the tour first, then the lab state. */
export function startFromLink(search: string, hash: string): void {
  const link = readTourLink(search);
  const notes = [...link.warnings];
  let bootSearch = search;
  useTour.setState({ tour: null, ref: null, index: 0, reached: true });
  if (link.ref) {
    const opened = resolveRef(link.ref);
    if ('error' in opened) notes.push(`${opened.error} The tour was not opened.`);
    else {
      const { index, warning } = stepIndex(link.step, opened.tour.steps.length);
      if (warning) notes.push(warning);
      const step = opened.tour.steps[index]!;
      useTour.setState({ tour: opened.tour, ref: link.ref, index, reached: !step.advance });
      // A link written by the page carries the step's lab state (and any change made to it since).
      if (!link.hasLabState) bootSearch = searchFor(step, decodeUrlState(search).state);
    }
  }
  bootStep(bootSearch, hash);
  for (const note of notes) addNotice(note, 'warning', 'url');
}

/** The run a state trains: everything in its link but the view settings and autoplay. */
const runKey = (state: UrlState): string => encodeUrlState({ ...state, view: {}, autoplay: false });

export function goTo(index: number): void {
  const { tour } = useTour.getState();
  const step = tour?.steps[index];
  if (!tour || !step) return;
  const current = useLab.getState();
  const search = searchFor(step, current);
  const target = decodeUrlState(search).state;
  useTour.setState({ index, reached: !step.advance });
  if (current.ready && runKey(target) === runKey(current)) {
    // The same run as the step before (e.g. another view of the same trained model): keep it.
    useLab.setState({ view: target.view });
    refreshUrl();
    if (step.advance) checkAdvance(useLab.getState());
    if (step.advance && !useTour.getState().reached) play();
    return;
  }
  bootStep(search);
}

export const nextStep = (): void => goTo(useTour.getState().index + 1);
export const prevStep = (): void => goTo(useTour.getState().index - 1);

export function closeTour(): void {
  useTour.setState({ tour: null, ref: null, index: 0, reached: true });
  refreshUrl();
}

/** Opens the user's tour file: size-checked before reading, validated, every error named; a bad file changes nothing. */
export async function openTourFile(file: File): Promise<void> {
  const name = show(file.name);
  if (file.size > MAX_TOUR_BYTES) {
    addNotice(
      `${name} is ${Math.ceil(file.size / 1024)} KB; a tour file may be at most ${MAX_TOUR_BYTES / 1024} KB. Nothing was changed.`,
      'error',
    );
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    addNotice(`${name} could not be read (${err instanceof Error ? err.message : String(err)}). Nothing was changed.`, 'error');
    return;
  }
  const parsed = parseTourText(text);
  if ('error' in parsed) {
    addNotice(`${name}: ${parsed.error} Nothing was changed.`, 'error');
    return;
  }
  const data = encodeTourData(parsed.tour);
  const length = sharedLinkLength(parsed.tour, data);
  const fits = length <= MAX_QUERY_LENGTH;
  useTour.setState({ tour: parsed.tour, ref: fits ? { kind: 'data', data } : { kind: 'file', name: file.name } });
  goTo(0);
  if (!fits) {
    addNotice(
      `This tour is too large to share in a link (it would need ${length.toLocaleString('en')} characters; a link's query is limited to ${MAX_QUERY_LENGTH.toLocaleString('en')}). It is open in this page only: share the file instead.`,
      'info',
    );
  }
}

/** The condition to advance: checked on every store change once the step's run has started. */
function checkAdvance(s: LabState): void {
  if (!armed) return;
  const t = useTour.getState();
  const advance = t.tour?.steps[t.index]?.advance;
  if (!t.tour || t.reached || !advance) return;
  if (!s.ready || !s.snapshot || s.step === 0) return;
  if (!advanceReached(advance, { step: s.step, metrics: s.metrics, loss: s.snapshot.loss })) return;
  useTour.setState({ reached: true });
  pause();
  const index = t.index;
  // Not from inside the store's notification: the next step boots a new run.
  if (advance.then === 'next' && index + 1 < t.tour.steps.length)
    setTimeout(() => {
      if (useTour.getState().index === index) goTo(index + 1);
    }, 0);
}
useLab.subscribe(checkAdvance);
