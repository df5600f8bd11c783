/**
 * A trained snapshot of a small model riding in the URL hash (DESIGN §4), lz-string compressed.
 * The hash is untrusted: it is validated by a schema, sizes are capped, and anything wrong yields
 * a message, never an exception.
 */
// The default export: lz-string is CommonJS, and Node's ESM loader (the e2e generator) has no named exports for it.
import LZString from 'lz-string';
import { z } from './schema';
import type { NamedTensor, Snapshot } from '../engine/lab';

export const HASH_PREFIX = 'w=';
/** Floats a link may carry; larger models export their snapshot as a JSON file instead. */
export const MAX_HASH_FLOATS = 6000;
const MAX_HASH_CHARS = 60_000;

const tensorSchema = z.object({
  s: z.array(z.number().int().min(1).max(100_000)).min(1).max(4),
  d: z.string().max(MAX_HASH_FLOATS * 6),
});
const hashSchema = z.object({
  v: z.literal(1),
  step: z.number().int().min(0).max(1e9),
  loss: z.number().nullable(),
  t: z.record(z.string().regex(/^\w{1,32}$/), tensorSchema),
});

function toBase64(data: Float32Array): string {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return btoa(s);
}

function fromBase64(text: string): Float32Array | null {
  let raw: string;
  try {
    raw = atob(text);
  } catch {
    return null;
  }
  if (raw.length % 4 !== 0) return null;
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

/** `w=…` for the hash, or null when the snapshot is too large to share in a link. */
export function encodeSnapshotHash(snapshot: Snapshot, names?: readonly string[]): string | null {
  const picked = Object.entries(snapshot.weights).filter(([k]) => !names || names.includes(k));
  const floats = picked.reduce((n, [, t]) => n + t.data.length, 0);
  if (floats > MAX_HASH_FLOATS) return null;
  const body = {
    v: 1,
    step: snapshot.step,
    loss: Number.isFinite(snapshot.loss) ? snapshot.loss : null,
    t: Object.fromEntries(picked.map(([k, t]) => [k, { s: t.shape, d: toBase64(t.data) }])),
  };
  return `${HASH_PREFIX}${LZString.compressToEncodedURIComponent(JSON.stringify(body))}`;
}

export type DecodedHash = { snapshot: Snapshot } | { error: string } | null;

/** null when the hash carries no snapshot; otherwise the snapshot or why it was refused. */
export function decodeSnapshotHash(hash: string): DecodedHash {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text.startsWith(HASH_PREFIX)) return null;
  if (text.length > MAX_HASH_CHARS) return { error: `The link's weights are too long (${text.length} characters); they were ignored.` };
  let json: unknown;
  try {
    json = JSON.parse(LZString.decompressFromEncodedURIComponent(text.slice(HASH_PREFIX.length)) ?? '');
  } catch {
    return { error: "The link's weights could not be read; starting from fresh weights." };
  }
  const parsed = hashSchema.safeParse(json);
  if (!parsed.success) return { error: "The link's weights are malformed; starting from fresh weights." };
  const tensors: Record<string, NamedTensor> = {};
  let floats = 0;
  for (const [name, t] of Object.entries(parsed.data.t)) {
    const data = fromBase64(t.d);
    const size = t.s.reduce((a, b) => a * b, 1);
    if (!data || data.length !== size) return { error: `The link's tensor ${name} does not match its shape; starting from fresh weights.` };
    if (!data.every(Number.isFinite)) return { error: `The link's tensor ${name} holds non-finite values; starting from fresh weights.` };
    floats += size;
    if (floats > MAX_HASH_FLOATS) return { error: "The link's weights are too large; they were ignored." };
    tensors[name] = { shape: t.s, data };
  }
  return { snapshot: { step: parsed.data.step, loss: parsed.data.loss ?? NaN, weights: tensors } };
}
