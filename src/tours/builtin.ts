/** The tours shipped with the page, one per lab in `labs/<id>/tour.json` (DESIGN §2), validated by the same schema in schema.test.ts and on open. */
import superposition from '../labs/superposition/tour.json';
import capacity from '../labs/capacity/tour.json';
import bows from '../labs/bows/tour.json';
import spotlight from '../labs/spotlight/tour.json';
import intertwiner from '../labs/intertwiner/tour.json';
import bias from '../labs/bias/tour.json';
import pca from '../labs/pca/tour.json';

/** Raw JSON by tour id (= lab id); opened through `validateTour` like any other tour. */
export const BUILTIN_TOURS: Readonly<Record<string, unknown>> = { superposition, capacity, bows, spotlight, intertwiner, bias, pca };

/** Id, title and step count for the landing page's links (read from the JSON; validated in the unit test). */
export function builtinTourSummary(id: string): { id: string; title: string; steps: number } | null {
  const raw = Object.hasOwn(BUILTIN_TOURS, id) ? (BUILTIN_TOURS[id] as { title?: unknown; steps?: unknown }) : null;
  if (!raw || typeof raw.title !== 'string' || !Array.isArray(raw.steps)) return null;
  return { id, title: raw.title, steps: raw.steps.length };
}
