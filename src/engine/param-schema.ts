/**
 * A lab's parameters (and its view settings), declared once: each builder returns a zod schema
 * for one value (type, bounds, whole numbers, options, default) and records what a control shows
 * (label, help, slider step, log scale) beside it. `defineParams` turns a record of them into
 *
 * - `schema`: a strict zod object that parses a whole Params object (missing keys take their
 *   defaults; unknown keys, wrong types, out-of-range numbers and unknown options are refused),
 * - `specs`: the ParamSpec[] the URL codec, the controls and the runner read, in declaration order,
 * - `defaults`: the typed default params.
 *
 * Adding a parameter is one line in the lab's params.ts.
 */
import { z } from './zod';
import type { BoolParam, EnumParam, NumberParam, ParamSpec, ParamValue, Params, TextParam } from './run-types';

/** What a control shows for a parameter besides its value. */
export interface ParamMeta {
  label: string;
  help?: string;
}
export interface NumberMeta extends ParamMeta {
  /** Slider resolution; a log slider moves in log space. */
  step?: number;
  log?: boolean;
}
export interface TextMeta extends ParamMeta {
  /** The whole value must match (anchored here and by the codec). */
  pattern?: RegExp;
}

/** A ParamSpec without its key: what a builder knows (the key is the property name in defineParams). */
type SpecBody = Omit<NumberParam, 'key'> | Omit<EnumParam, 'key'> | Omit<BoolParam, 'key'> | Omit<TextParam, 'key'>;

/**
 * The side table from each builder's schema to its spec. (A zod registry would do, but its typed
 * `get` rewrites RegExp fields into look-alike object types.)
 */
const specTable = new WeakMap<z.ZodType, SpecBody>();

function withSpec<S extends z.ZodType>(schema: S, spec: SpecBody): S {
  specTable.set(schema, spec);
  return schema;
}

/** Text shown as text only: printable, without markup brackets. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it refuses
export const PRINTABLE = /^[^\u0000-\u001f\u007f<>]*$/u;

/** The pattern applied to the whole value. */
export function anchored(pattern: RegExp): RegExp {
  return new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace('g', ''));
}

/** Copies only the defined properties, so that derived specs equal hand-written ones exactly. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function ensure(condition: boolean, message: string): void {
  if (!condition) throw new Error(`param-schema: ${message}`);
}

function numberSpec(kind: 'int' | 'float', min: number, max: number, def: number, meta: NumberMeta): Omit<NumberParam, 'key'> {
  ensure(Number.isFinite(min) && Number.isFinite(max) && min <= max, `${meta.label}: bounds [${min}, ${max}] are not an interval`);
  ensure(def >= min && def <= max, `${meta.label}: default ${def} is outside [${min}, ${max}]`);
  if (kind === 'int')
    ensure(
      Number.isInteger(min) && Number.isInteger(max) && Number.isInteger(def),
      `${meta.label}: bounds and default must be whole numbers`,
    );
  return defined({ kind, label: meta.label, min, max, default: def, step: meta.step, log: meta.log, help: meta.help });
}

/** A whole number in [min, max]. */
export function int(min: number, max: number, def: number, meta: NumberMeta) {
  const spec = numberSpec('int', min, max, def, meta);
  return withSpec(z.number().int().min(min).max(max).default(def), spec);
}

/** A finite number in [min, max]. */
export function float(min: number, max: number, def: number, meta: NumberMeta) {
  const spec = numberSpec('float', min, max, def, meta);
  return withSpec(z.number().min(min).max(max).default(def), spec);
}

/** One of the options. */
export function enumOf<const T extends readonly string[]>(options: T, def: NoInfer<T[number]>, meta: ParamMeta) {
  ensure(options.length > 0, `${meta.label}: no options`);
  ensure(new Set(options).size === options.length, `${meta.label}: options repeat`);
  ensure(options.includes(def), `${meta.label}: default ${def} is not an option`);
  const spec = defined({ kind: 'enum' as const, label: meta.label, options, default: def, help: meta.help });
  return withSpec(z.enum(options).default(def), spec);
}

/** On or off. */
export function bool(def: boolean, meta: ParamMeta) {
  return withSpec(z.boolean().default(def), defined({ kind: 'bool' as const, label: meta.label, default: def, help: meta.help }));
}

/** Free text shown as text only: printable, no markup brackets, at most maxLength characters, matching the pattern if any. */
export function text(def: string, maxLength: number, meta: TextMeta) {
  let schema = z.string().max(maxLength).regex(PRINTABLE);
  if (meta.pattern) {
    const whole = anchored(meta.pattern);
    // An empty default means "none" (the view chooses) and need not match the pattern.
    schema =
      def === '' && !whole.test(def)
        ? schema.refine((v) => v === '' || whole.test(v), `Invalid string: must match pattern ${whole}`)
        : schema.regex(whole);
  }
  ensure(schema.safeParse(def).success, `${meta.label}: default ${JSON.stringify(def)} is not valid`);
  const spec = defined({ kind: 'text' as const, label: meta.label, default: def, maxLength, pattern: meta.pattern, help: meta.help });
  return withSpec(schema.default(def), spec);
}

/** What the builders return: a schema for one value, with a default. */
export type ParamField = z.ZodDefault<z.ZodType<ParamValue>>;
export type ParamShape = Record<string, ParamField>;

/** A lab's whole-params schema as the rest of the app sees it (each lab's own is precisely typed). */
export type ParamSchema = z.ZodType<Params>;

/** The specs of a schema made by defineParams, in declaration order (throws for anything else). */
export function specsOf(schema: z.ZodType): ParamSpec[] {
  if (!(schema instanceof z.ZodObject)) throw new Error('param-schema: not an object schema');
  const shape: Record<string, z.ZodType> = schema.shape;
  return Object.entries(shape).map(([key, field]) => {
    const body = specTable.get(field);
    if (!body) throw new Error(`param-schema: ${key} was not made by a param builder`);
    return { key, ...body };
  });
}

export interface ParamSet<S extends ParamShape> {
  schema: z.ZodObject<S, z.core.$strict>;
  specs: readonly ParamSpec[];
  defaults: z.output<z.ZodObject<S, z.core.$strict>>;
}

/** Declares a lab's parameters (or view settings) once; see the module comment. */
export function defineParams<S extends ParamShape>(shape: S): ParamSet<S> {
  const schema = z.strictObject(shape);
  return { schema, specs: specsOf(schema), defaults: schema.parse({}) };
}
