/** A tour step's lab state as a link's query, so that the URL codec validates and applies it. */
/** The part of a step that is lab state (structurally a `TourStep`). */
export interface StepState {
  lab: string;
  preset?: string | undefined;
  params?: Record<string, string | number | boolean> | undefined;
  view?: Record<string, string> | undefined;
}

export function stepSearch(step: StepState, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  q.set('v', '1');
  q.set('lab', step.lab);
  if (step.preset !== undefined) q.set('preset', step.preset);
  for (const [k, v] of Object.entries(step.params ?? {})) q.set(k, String(v));
  for (const [k, v] of Object.entries(step.view ?? {})) q.set(`view_${k}`, v);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return `?${q.toString()}`;
}

/** The presenter's own settings that survive a step change: lecture mode, backend, speed. */
export interface Carry {
  lecture: boolean;
  backend: string;
  speed: number;
}

/** The link query that opens a step: its lab state, autoplay when it trains (`autoplay` or `advance`), and the carried settings. */
export function searchFor(step: StepState & { autoplay?: boolean | undefined; advance?: unknown }, carry: Carry): string {
  const extra: Record<string, string> = {};
  if (step.autoplay || step.advance) extra.autoplay = '1';
  if (carry.lecture) extra.lecture = '1';
  if (carry.backend !== 'auto') extra.backend = carry.backend;
  if (carry.speed !== 0) extra.speed = String(carry.speed);
  return stepSearch(step, extra);
}
