/**
 * Turns untrusted strings (URL query, CLI flags, imported files) into valid parameter values using
 * each lab's declarative schema. Malformed values fall back to the default, out-of-range numbers are
 * clamped; both produce a problem that names the parameter. Nothing here ever throws on bad input.
 */
import { z } from './schema';
import type { ParamSpec, ParamValue, Params, ViewParamSpec } from '../engine/lab';
import { defaultParams } from '../engine/params';
import { anchored, PRINTABLE, type ParamSchema } from '../engine/param-schema';

/** What was wrong with a value: the page adds "; using X", the runner refuses it. */
export interface ParamProblem {
  key: string;
  raw: string;
  /** e.g. `is outside [2, 64]` */
  reason: string;
  /** The value the page uses instead. */
  fallback: ParamValue;
}

export interface Decoded<T> {
  value: T;
  problem?: ParamProblem;
  /** The page's wording of the problem. */
  warning?: string;
}

/** Plain decimal notation only: no hex, binary, octal, `Infinity` or blanks (`1e-3` is fine). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d{1,3})?$/;
const decimalNumber = z.string().max(40).regex(DECIMAL).transform(Number).pipe(z.number().finite());
const boolText = z.enum(['1', '0', 'true', 'false', 'on', 'off']);

/** Shows at most 40 characters of an untrusted value, as text. */
export function quote(raw: string): string {
  const short = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  return JSON.stringify(short);
}

export function formatProblem(p: ParamProblem): string {
  return `${p.key}=${quote(p.raw)} ${p.reason}; using ${String(p.fallback)}`;
}

function problem(spec: ViewParamSpec, raw: string, reason: string, fallback: ParamValue): Decoded<ParamValue> {
  const p: ParamProblem = { key: spec.key, raw, reason, fallback };
  return { value: fallback, problem: p, warning: formatProblem(p) };
}

export function decodeParam(spec: ViewParamSpec, raw: string): Decoded<ParamValue> {
  switch (spec.kind) {
    case 'int':
    case 'float': {
      const parsed = decimalNumber.safeParse(raw.trim());
      if (!parsed.success) return problem(spec, raw, 'is not a finite decimal number', spec.default);
      let v = parsed.data;
      if (Object.is(v, -0)) v = 0;
      if (spec.kind === 'int' && !Number.isInteger(v)) {
        const rounded = Math.min(spec.max, Math.max(spec.min, Math.round(v)));
        return problem(spec, raw, 'is not a whole number', rounded);
      }
      if (v < spec.min || v > spec.max) {
        return problem(spec, raw, `is outside [${spec.min}, ${spec.max}]`, Math.min(spec.max, Math.max(spec.min, v)));
      }
      return { value: v };
    }
    case 'enum': {
      const parsed = z.enum(spec.options as [string, ...string[]]).safeParse(raw);
      return parsed.success ? { value: parsed.data } : problem(spec, raw, `is not one of ${spec.options.join(', ')}`, spec.default);
    }
    case 'bool': {
      const parsed = boolText.safeParse(raw.toLowerCase());
      return parsed.success ? { value: ['1', 'true', 'on'].includes(parsed.data) } : problem(spec, raw, 'is not 1 or 0', spec.default);
    }
    case 'text': {
      if (raw.length > spec.maxLength) return problem(spec, raw, `is longer than ${spec.maxLength} characters`, spec.default);
      if (!PRINTABLE.test(raw)) return problem(spec, raw, 'holds control characters or < >', spec.default);
      if (spec.pattern && !anchored(spec.pattern).test(raw)) {
        return problem(spec, raw, 'is malformed', spec.default);
      }
      return { value: raw };
    }
  }
}

export function encodeParam(value: ParamValue): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(+value.toPrecision(6));
  return value;
}

/** Defaults, then the preset's values, then the explicit raw values on top. */
export function resolveParams(
  specs: readonly ParamSpec[],
  raw: Readonly<Record<string, string>>,
  presetParams: Params = {},
): { params: Params; warnings: string[]; problems: ParamProblem[] } {
  const params: Params = { ...defaultParams(specs), ...presetParams };
  const warnings: string[] = [];
  const problems: ParamProblem[] = [];
  for (const spec of specs) {
    if (!Object.prototype.hasOwnProperty.call(raw, spec.key)) continue;
    const decoded = decodeParam(spec, raw[spec.key]!);
    params[spec.key] = decoded.value;
    if (decoded.problem) {
      problems.push(decoded.problem);
      warnings.push(decoded.warning!);
    }
  }
  return { params, warnings, problems };
}

/**
 * View settings from a link or a view: only those the lab declares, each valid; a value that is not
 * valid is dropped (the view then chooses), an out-of-range number is clamped. Values are canonical
 * strings, so that a link carries exactly what was validated.
 */
export function resolveView(
  specs: readonly ViewParamSpec[],
  raw: ReadonlyArray<readonly [string, string]>,
): { view: Record<string, string>; warnings: string[] } {
  const view: Record<string, string> = {};
  const warnings: string[] = [];
  for (const [key, value] of raw) {
    const spec = specs.find((s) => s.key === key);
    if (!spec) {
      warnings.push(`View setting view_${quote(key).slice(1, -1)} is not a setting of this lab; it was ignored.`);
      continue;
    }
    const decoded = decodeParam(spec, value);
    if (!decoded.problem) view[key] = encodeParam(decoded.value);
    else if (decoded.problem.reason.startsWith('is outside')) {
      view[key] = encodeParam(decoded.value);
      warnings.push(`view_${formatProblem(decoded.problem)}`);
    } else warnings.push(`view_${decoded.problem.key}=${quote(value)} ${decoded.problem.reason}; it was ignored.`);
  }
  return { view, warnings };
}

const KIND_TYPES: Record<ParamSpec['kind'], string> = { int: 'number', float: 'number', enum: 'string', bool: 'boolean', text: 'string' };

/**
 * A whole Params object (an imported file, a tour step, a preset) parsed by the lab's schema:
 * typed values only (no strings for numbers), every bound and option checked, missing keys take
 * their defaults, unknown keys are refused. The first problem is worded as the link codec words it.
 */
export function parseParams(
  schema: ParamSchema,
  specs: readonly ParamSpec[],
  values: Readonly<Record<string, unknown>>,
): { params: Params } | { error: string } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { params: parsed.data };
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') return { error: `there is no parameter ${quote(issue.keys[0] ?? '')}` };
  const key = issue.path[0];
  const spec = specs.find((s) => s.key === key);
  if (!spec) return { error: issue.message };
  const value = values[spec.key];
  if (typeof value !== KIND_TYPES[spec.kind]) {
    const shown = quote(typeof value === 'string' ? value : String(JSON.stringify(value)));
    const reason =
      spec.kind === 'enum'
        ? `is not one of ${spec.options.join(', ')}`
        : `is not ${spec.kind === 'bool' ? 'true or false' : spec.kind === 'text' ? 'text' : 'a number'}`;
    return { error: `${spec.key}=${shown} ${reason}` };
  }
  const raw = encodeParam(value as ParamValue);
  const reason = decodeParam(spec, raw).problem?.reason ?? issue.message;
  return { error: `${spec.key}=${quote(raw)} ${reason}` };
}
