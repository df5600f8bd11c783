/**
 * The experiment in the URL (DESIGN §4). Untrusted: every value goes through the lab's schema;
 * anything unknown, malformed or out of range is replaced or clamped and named in a warning.
 */
import type { Params } from '../engine/lab';
import { BACKEND_REQUESTS, isBackendRequest } from '../engine/backend-names';
import type { BackendRequest } from '../engine/backend-names';
import { LABS, findLab } from '../labs/manifests';
import { encodeParam, quote, resolveParams, resolveView } from './param-codec';
import { parseQuery } from './query';
import { decodeFocus, encodeFocus, FOCUS_KEYS, type FocusState } from './focus-param';

export const URL_FORMAT_VERSION = 1;
export const MAX_QUERY_LENGTH = 4000;
const VIEW_PREFIX = 'view_';
export const SPEEDS = [0, 1000, 100, 10] as const;

export interface UrlState extends FocusState {
  labId: string;
  preset: string | null;
  params: Params;
  backend: BackendRequest;
  view: Record<string, string>;
  hide: string[];
  autoplay: boolean;
  lecture: boolean;
  /** Steps per second; 0 = as fast as possible. */
  speed: number;
}

/** `tour`, `tourData`, `tourStep`: the guided tour (src/tours/link.ts); `focus`, `embed`, `view`: src/state/focus-param.ts. */
const RESERVED = new Set<string>([
  'v',
  'lab',
  'preset',
  'backend',
  'hide',
  'autoplay',
  'lecture',
  'speed',
  'tour',
  'tourData',
  'tourStep',
  ...FOCUS_KEYS,
]);

export function defaultUrlState(labId = LABS[0]!.id): UrlState {
  const lab = findLab(labId) ?? LABS[0]!;
  return {
    labId: lab.id,
    preset: null,
    params: resolveParams(lab.params, {}).params,
    backend: 'auto',
    view: {},
    hide: [],
    autoplay: false,
    lecture: false,
    speed: 0,
    embed: false,
    focus: null,
  };
}

const flag = (raw: string | null): boolean | null =>
  raw === null ? null : raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : null;

export function decodeUrlState(search: string): { state: UrlState; warnings: string[] } {
  const warnings: string[] = [];
  let query = search.startsWith('?') ? search.slice(1) : search;
  if (query.length > MAX_QUERY_LENGTH) {
    warnings.push(`The link's query is ${query.length} characters long (limit ${MAX_QUERY_LENGTH}); it was ignored.`);
    query = '';
  }
  const parsed = parseQuery(query);
  const entries = parsed.entries;
  warnings.push(...parsed.warnings);
  const counts = new Map<string, number>();
  for (const [key] of entries) counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const [key, count] of counts) {
    if (count > 1) warnings.push(`${quote(key)} is given ${count} times in the link; the last one is used.`);
  }
  const get = (key: string): string | null => {
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i]![0] === key) return entries[i]![1];
    return null;
  };

  const version = get('v');
  if (version !== null && version !== String(URL_FORMAT_VERSION)) {
    warnings.push(`Link format v=${quote(version)} is not known; reading it as v=${URL_FORMAT_VERSION}.`);
  }

  const labRaw = get('lab');
  let lab = LABS[0]!;
  if (labRaw !== null) {
    const found = findLab(labRaw);
    if (found) lab = found;
    else warnings.push(`lab=${quote(labRaw)} is not a lab; opening ${lab.id}.`);
  }
  const state = defaultUrlState(lab.id);

  const presetRaw = get('preset');
  let presetParams: Params = {};
  if (presetRaw !== null) {
    const preset = lab.presets.find((p) => p.name === presetRaw);
    if (preset) {
      state.preset = preset.name;
      presetParams = preset.params;
    } else {
      warnings.push(`preset=${quote(presetRaw)} is not a preset of ${lab.id}; using defaults.`);
    }
  }

  // A null-prototype map: a key such as `__proto__` is just a key here.
  const raw: Record<string, string> = Object.create(null) as Record<string, string>;
  const viewRaw = new Map<string, string>();
  const known = new Set(lab.params.map((p) => p.key));
  for (const [key, value] of entries) {
    if (known.has(key)) raw[key] = value;
    else if (key.startsWith(VIEW_PREFIX)) viewRaw.set(key.slice(VIEW_PREFIX.length), value);
    else if (!RESERVED.has(key)) warnings.push(`Unknown parameter ${quote(key)} was ignored.`);
  }
  const resolved = resolveParams(lab.params, raw, presetParams);
  state.params = resolved.params;
  warnings.push(...resolved.warnings);
  const view = resolveView(lab.viewParams, [...viewRaw]);
  state.view = view.view;
  warnings.push(...view.warnings);

  const backendRaw = get('backend');
  if (backendRaw !== null) {
    if (isBackendRequest(backendRaw)) state.backend = backendRaw;
    else warnings.push(`backend=${quote(backendRaw)} is not one of ${BACKEND_REQUESTS.join(', ')}; using auto.`);
  }

  const hideRaw = get('hide');
  if (hideRaw !== null) {
    for (const key of hideRaw.split(',').filter(Boolean)) {
      if (known.has(key)) state.hide.push(key);
      else warnings.push(`hide=${quote(key)} is not a parameter of ${lab.id}.`);
    }
  }

  for (const key of ['autoplay', 'lecture'] as const) {
    const raw = get(key);
    if (raw === null) continue;
    const value = flag(raw);
    if (value === null) warnings.push(`${key}=${quote(raw)} should be 1 or 0.`);
    else state[key] = value;
  }

  const speedRaw = get('speed');
  if (speedRaw !== null) {
    const speed = SPEEDS.find((v) => String(v) === speedRaw);
    if (speed !== undefined) state.speed = speed;
    else warnings.push(`speed=${quote(speedRaw)} is not one of ${SPEEDS.join(', ')}; using full speed.`);
  }
  const focus = decodeFocus(lab, get);
  Object.assign(state, focus.focus);
  warnings.push(...focus.warnings);
  return { state, warnings };
}

export function encodeUrlState(state: UrlState): string {
  const q = new URLSearchParams();
  q.set('v', String(URL_FORMAT_VERSION));
  q.set('lab', state.labId);
  const lab = findLab(state.labId);
  if (state.preset && lab) {
    const preset = lab.presets.find((p) => p.name === state.preset);
    const unchanged = preset && Object.entries(preset.params).every(([k, v]) => state.params[k] === v);
    if (unchanged) q.set('preset', state.preset);
  }
  for (const spec of lab?.params ?? []) {
    const value = state.params[spec.key];
    if (value !== undefined) q.set(spec.key, encodeParam(value));
  }
  if (state.backend !== 'auto') q.set('backend', state.backend);
  if (state.speed !== 0) q.set('speed', String(state.speed));
  if (state.hide.length) q.set('hide', state.hide.join(','));
  if (state.autoplay) q.set('autoplay', '1');
  if (state.lecture) q.set('lecture', '1');
  encodeFocus(state, q);
  // Only validated view settings reach a link.
  const view = resolveView(lab?.viewParams ?? [], Object.entries(state.view)).view;
  for (const [k, v] of Object.entries(view)) q.set(`${VIEW_PREFIX}${k}`, v);
  return `?${q.toString()}`;
}
