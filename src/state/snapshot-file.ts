/**
 * Reads a snapshot JSON file exported by the page ("snapshot JSON") so that a trained model too
 * large for a link can be reopened. The file is untrusted: schema-checked, size-capped, and every
 * problem is reported as a message, never thrown.
 */
import { z } from 'zod';
import type { NamedTensor, Snapshot } from '../engine/lab';

export const MAX_SNAPSHOT_FILE_BYTES = 64 * 1024 * 1024;
const MAX_FLOATS = 8_000_000;

const fileSchema = z.object({
  lab: z.string().max(64),
  params: z.record(z.string().max(64), z.union([z.number(), z.string().max(200), z.boolean()])),
  step: z.number().int().min(0).max(1e9),
  loss: z.number().nullable().optional(),
  tensors: z.record(
    z.string().regex(/^\w{1,64}$/),
    z.object({ shape: z.array(z.number().int().min(0).max(10_000_000)).max(6), data: z.array(z.number().nullable()) }),
  ),
});

export type SnapshotFile =
  | { labId: string; rawParams: Record<string, string>; snapshot: Snapshot }
  | { error: string };

export function parseSnapshotFile(name: string, text: string): SnapshotFile {
  if (text.length > MAX_SNAPSHOT_FILE_BYTES) return { error: `${name} is larger than ${MAX_SNAPSHOT_FILE_BYTES / 1024 / 1024} MB.` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { error: `${name} is not JSON (${err instanceof Error ? err.message : 'parse error'}).` };
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `${name} is not a Geometry Lab snapshot: ${issue ? `${issue.path.join('.') || 'file'}: ${issue.message}` : 'unexpected shape'}.` };
  }
  const tensors: Record<string, NamedTensor> = {};
  let floats = 0;
  for (const [key, t] of Object.entries(parsed.data.tensors)) {
    const size = t.shape.reduce((a, b) => a * b, 1);
    if (size !== t.data.length) return { error: `${name}: tensor ${key} has ${t.data.length} values but shape [${t.shape.join(', ')}] needs ${size}.` };
    floats += size;
    if (floats > MAX_FLOATS) return { error: `${name} holds more than ${MAX_FLOATS.toLocaleString('en')} values.` };
    // JSON has no NaN: the exporter wrote null for non-finite analysis values.
    tensors[key] = { shape: t.shape, data: Float32Array.from(t.data, (v) => (v === null ? NaN : v)) };
  }
  const rawParams = Object.fromEntries(Object.entries(parsed.data.params).map(([k, v]) => [k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v)]));
  return {
    labId: parsed.data.lab,
    rawParams,
    snapshot: { step: parsed.data.step, loss: parsed.data.loss ?? NaN, tensors },
  };
}
