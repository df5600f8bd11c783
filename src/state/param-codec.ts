/**
 * Turns untrusted strings (URL query, CLI flags) into valid parameter values using each lab's
 * declarative schema. Malformed values fall back to the default, out-of-range numbers are clamped;
 * both produce a warning that names the parameter. Nothing here ever throws on bad input.
 */
import { z } from 'zod';
import type { ParamSpec, ParamValue, Params } from '../engine/lab';
import { defaultParams } from '../engine/params';

export interface Decoded<T> {
  value: T;
  warning?: string;
}

const finiteNumber = z.string().trim().min(1).max(40).transform(Number).pipe(z.number().finite());
const boolText = z.enum(['1', '0', 'true', 'false', 'on', 'off']);

/** Shows at most 40 characters of an untrusted value, as text. */
export function quote(raw: string): string {
  const short = raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
  return JSON.stringify(short);
}

export function decodeParam(spec: ParamSpec, raw: string): Decoded<ParamValue> {
  switch (spec.kind) {
    case 'int':
    case 'float': {
      const parsed = finiteNumber.safeParse(raw);
      if (!parsed.success) {
        return { value: spec.default, warning: `${spec.key}=${quote(raw)} is not a number; using ${spec.default}` };
      }
      let v = parsed.data;
      if (spec.kind === 'int') v = Math.round(v);
      if (v < spec.min || v > spec.max) {
        const clamped = Math.min(spec.max, Math.max(spec.min, v));
        return {
          value: clamped,
          warning: `${spec.key}=${quote(raw)} is outside [${spec.min}, ${spec.max}]; using ${clamped}`,
        };
      }
      return { value: v };
    }
    case 'enum': {
      const parsed = z.enum(spec.options as [string, ...string[]]).safeParse(raw);
      return parsed.success
        ? { value: parsed.data }
        : { value: spec.default, warning: `${spec.key}=${quote(raw)} is not one of ${spec.options.join(', ')}; using ${spec.default}` };
    }
    case 'bool': {
      const parsed = boolText.safeParse(raw.toLowerCase());
      return parsed.success
        ? { value: ['1', 'true', 'on'].includes(parsed.data) }
        : { value: spec.default, warning: `${spec.key}=${quote(raw)} is not a boolean; using ${spec.default}` };
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
  raw: Record<string, string>,
  presetParams: Params = {},
): { params: Params; warnings: string[] } {
  const params: Params = { ...defaultParams(specs), ...presetParams };
  const warnings: string[] = [];
  for (const spec of specs) {
    const text = raw[spec.key];
    if (text === undefined) continue;
    const decoded = decodeParam(spec, text);
    params[spec.key] = decoded.value;
    if (decoded.warning) warnings.push(decoded.warning);
  }
  return { params, warnings };
}
