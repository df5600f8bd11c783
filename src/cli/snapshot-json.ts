import type { NamedTensor, Snapshot } from '../engine/lab';

type Nested = number | Nested[];

/** A tensor as nested arrays; a leading axis of size 1 (a single model) is dropped. */
export function toNested(t: NamedTensor): Nested {
  const shape = t.shape[0] === 1 && t.shape.length > 1 ? t.shape.slice(1) : t.shape;
  const build = (offset: number, dim: number): Nested => {
    if (dim === shape.length) return t.data[offset]!;
    const stride = shape.slice(dim + 1).reduce((a, b) => a * b, 1);
    return Array.from({ length: shape[dim]! }, (_, i) => build(offset + i * stride, dim + 1));
  };
  return build(0, 0);
}

export function snapshotToJson(snapshot: Snapshot): Record<string, Nested> {
  const out: Record<string, Nested> = {};
  for (const [k, v] of [...Object.entries(snapshot.weights), ...Object.entries(snapshot.analysis ?? {})]) {
    if (!v) continue;
    // A bias stored as a [1, n] row reads better as a vector.
    const t = v.shape.length === 3 && v.shape[1] === 1 ? { shape: [v.shape[0]!, v.shape[2]!], data: v.data } : v;
    out[k] = toNested(t);
  }
  return out;
}
