/**
 * A guided tour: a small JSON file of ordered steps (lab state, Markdown caption, the view to
 * spotlight, an optional condition to advance). Untrusted, like a link: the zod schema bounds every
 * length and count, then every step's lab state is read by the URL codec and must give no warning.
 */
import { z } from '../state/schema';
import { LABS, findLab } from '../labs/manifests';
import { decodeUrlState } from '../state/url-state';
import { parseParams } from '../state/param-codec';
import { stepSearch } from './step-search';

export const TOUR_FORMAT = 'geometry-lab-tour';
export const MAX_STEPS = 12;
export const MAX_CAPTION = 2000;
/** A tour file larger than this is refused from its size, before it is read. */
export const MAX_TOUR_BYTES = 64 * 1024;

const LAB_IDS = LABS.map((lab) => lab.id) as [string, ...string[]];
const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;
const KEY = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;
/** A metric name or a dotted path into a lab's metrics (e.g. `totalCapacity`, `regimeCounts.poly`), or `loss`. */
const METRIC = /^[A-Za-z][A-Za-z0-9_]{0,39}(\.[A-Za-z0-9_-]{1,40}){0,3}$/;

const bounded = <T extends z.ZodType>(value: T, max: number, what: string) =>
  z
    .record(z.string().regex(KEY, `${what} names are letters, digits and _ (at most 32)`), value)
    .refine((r) => Object.keys(r).length <= max, `at most ${max} ${what}s`);

const paramValue = z.union([z.string().max(400), z.number(), z.boolean()]);

const advance = z.discriminatedUnion('until', [
  z.strictObject({
    until: z.literal('step'),
    step: z.number().int().min(1).max(1_000_000),
    then: z.enum(['pause', 'next']).optional(),
  }),
  z
    .strictObject({
      until: z.literal('metric'),
      metric: z.string().regex(METRIC, 'a metric name such as totalCapacity or regimeCounts.poly'),
      above: z.number().optional(),
      below: z.number().optional(),
      /** Give up (and pause) at this training step if the metric never crosses. */
      maxStep: z.number().int().min(1).max(1_000_000).optional(),
      then: z.enum(['pause', 'next']).optional(),
    })
    .refine((a) => (a.above === undefined) !== (a.below === undefined), 'give exactly one of above or below'),
]);

export const tourStepSchema = z.strictObject({
  title: z.string().min(1).max(80).optional(),
  lab: z.enum(LAB_IDS, `must be one of ${LAB_IDS.join(', ')}`),
  preset: z.string().min(1).max(40).optional(),
  params: bounded(paramValue, 32, 'parameter').optional(),
  view: bounded(z.string().max(400), 16, 'view setting').optional(),
  /** The ViewPanel to highlight and scroll to (its `id`, e.g. `arrows`). */
  spotlight: z.string().regex(SLUG, 'a view id: lower-case letters, digits and -').optional(),
  caption: z.string().min(1).max(MAX_CAPTION),
  /** Start training when the step opens (implied by `advance`). */
  autoplay: z.boolean().optional(),
  advance: advance.optional(),
});

export const tourSchema = z.strictObject({
  format: z.literal(TOUR_FORMAT),
  version: z.literal(1),
  id: z.string().regex(SLUG, 'lower-case letters, digits and - (at most 40)'),
  title: z.string().min(1).max(120),
  description: z.string().max(600).optional(),
  steps: z.array(tourStepSchema).min(1).max(MAX_STEPS),
});

export type Tour = z.infer<typeof tourSchema>;
export type TourStep = z.infer<typeof tourStepSchema>;
export type Advance = NonNullable<TourStep['advance']>;

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  const where = path.replace(
    /^steps\[(\d+)\]\.?/,
    (_, i: string) => `step ${Number(i) + 1}${path.length > `steps[${i}]`.length ? ' ' : ''}`,
  );
  return `${where || 'the file'}: ${issue.message}`;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A key that the schema's records would silently drop (JSON.parse keeps `__proto__` as an own key). */
function forbiddenKey(value: unknown, depth = 0): string | null {
  if (depth > 6 || value === null || typeof value !== 'object') return null;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) return key;
    const found = forbiddenKey((value as Record<string, unknown>)[key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** Validates parsed JSON as a tour: the tour, or one message naming what is wrong (at most three issues). */
export function validateTour(json: unknown): { tour: Tour } | { error: string } {
  const bad = forbiddenKey(json);
  if (bad) return { error: `The tour is not valid: a key named ${JSON.stringify(bad)} is not allowed.` };
  const parsed = tourSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
    return { error: `The tour is not valid: ${issues.slice(0, 3).map(describeIssue).join('; ')}${more}.` };
  }
  const tour = parsed.data;
  for (const [i, step] of tour.steps.entries()) {
    const lab = findLab(step.lab)!;
    const unknownParam = Object.keys(step.params ?? {}).find((k) => !lab.params.some((p) => p.key === k));
    if (unknownParam)
      return { error: `The tour is not valid: step ${i + 1}: ${JSON.stringify(unknownParam)} is not a parameter of ${lab.id}.` };
    const checked = parseParams(lab.paramSchema, lab.params, step.params ?? {});
    if ('error' in checked) return { error: `The tour is not valid: step ${i + 1}: ${checked.error}.` };
    const unknownView = Object.keys(step.view ?? {}).find((k) => !lab.viewParams.some((p) => p.key === k));
    if (unknownView)
      return { error: `The tour is not valid: step ${i + 1}: ${JSON.stringify(unknownView)} is not a view setting of ${lab.id}.` };
    const { warnings } = decodeUrlState(stepSearch(step));
    // The link codec's warning names the problem; what it would do about it ("; using defaults.") does not apply.
    if (warnings.length) return { error: `The tour is not valid: step ${i + 1}: ${warnings[0]!.replace(/;[^;]*\.$/, '.')}` };
  }
  return { tour };
}

/** Reads tour JSON text (already size-checked by the caller): the tour or a message. */
export function parseTourText(text: string): { tour: Tour } | { error: string } {
  if (text.length > MAX_TOUR_BYTES)
    return {
      error: `The tour is ${text.length.toLocaleString('en')} characters long; the limit is ${MAX_TOUR_BYTES.toLocaleString('en')}.`,
    };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { error: `The tour is not JSON (${err instanceof Error ? err.message.slice(0, 120) : 'parse error'}).` };
  }
  return validateTour(json);
}
