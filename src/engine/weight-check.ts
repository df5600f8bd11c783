/**
 * Checks imported weights (a snapshot file, a link's hash) against the shapes a lab needs for its
 * params: every weight present with its exact shape, every value a finite float32. Nothing is
 * restored until this passes, so a bad import changes nothing.
 */
import type { NamedTensor } from './lab';

/** The largest finite float32; anything beyond it would load as ±Infinity. */
export const FLOAT32_MAX = 3.4028234663852886e38;

export interface RawTensor {
  shape: readonly number[];
  data: ArrayLike<number | null>;
}

export type WeightCheck = { weights: Record<string, NamedTensor> } | { error: string };

const sameShape = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Index of the first value that is null, NaN, infinite or beyond float32's range; -1 if none. */
export function firstNonFinite(data: ArrayLike<number | null>): number {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (typeof v !== 'number' || !(Math.abs(v) <= FLOAT32_MAX)) return i;
  }
  return -1;
}

/** `source` names where the weights came from in messages, e.g. "the link's weights" or "model.json". */
export function checkWeights(
  tensors: Readonly<Record<string, RawTensor>>,
  expected: Readonly<Record<string, readonly number[]>>,
  source: string,
): WeightCheck {
  const out: Record<string, NamedTensor> = {};
  for (const [name, shape] of Object.entries(expected)) {
    if (!Object.prototype.hasOwnProperty.call(tensors, name)) return { error: `${source}: weight ${name} is missing.` };
    const t = tensors[name]!;
    if (!sameShape(t.shape, shape)) {
      return { error: `${source}: weight ${name} has shape [${t.shape.join(', ')}], but these parameters need [${shape.join(', ')}].` };
    }
    const size = shape.reduce((a, b) => a * b, 1);
    if (t.data.length !== size) return { error: `${source}: weight ${name} has ${t.data.length} values, its shape needs ${size}.` };
    const bad = firstNonFinite(t.data);
    if (bad >= 0) {
      return { error: `${source}: weight ${name} holds a value that is not a finite float32 (${String(t.data[bad])} at index ${bad}).` };
    }
    out[name] = { shape: [...shape], data: Float32Array.from(t.data as ArrayLike<number>) };
  }
  return { weights: out };
}

/** True when every named weight of a snapshot is finite (the divergence guard). */
export function weightsFinite(tensors: Readonly<Record<string, NamedTensor>>, names: Iterable<string>): string | null {
  for (const name of names) {
    const t = tensors[name];
    if (t && firstNonFinite(t.data) >= 0) return name;
  }
  return null;
}
