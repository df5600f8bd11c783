import type { ParamSpec, Params, ParamValue } from './lab';

export function defaultParams(specs: readonly ParamSpec[]): Params {
  const out: Params = {};
  for (const spec of specs) out[spec.key] = spec.default;
  return out;
}

export function num(params: Params, key: string): number {
  const v = params[key];
  if (typeof v !== 'number') throw new Error(`parameter ${key} is not a number`);
  return v;
}

export function str(params: Params, key: string): string {
  const v = params[key];
  if (typeof v !== 'string') throw new Error(`parameter ${key} is not a string`);
  return v;
}

export function formatParam(value: ParamValue): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(+value.toPrecision(6));
  return String(value);
}
