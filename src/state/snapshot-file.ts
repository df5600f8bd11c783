/**
 * Reads a snapshot JSON file exported by the page ("snapshot JSON") so that a trained model too
 * large for a link can be reopened. The file is untrusted and is validated completely here — its
 * lab, every parameter, and every weight's exact shape and finite float32 values — before the page
 * changes anything. Problems are reported as a message, never thrown. Runs in the file worker.
 */
import { z } from './schema';
import type { Params, Snapshot } from '../engine/lab';
import { checkWeights } from '../engine/weight-check';
import { findLab } from '../labs/manifests';
import { parseParams } from './param-codec';

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

export type SnapshotFile = { labId: string; params: Params; snapshot: Snapshot } | { error: string };

export function readSnapshotText(name: string, text: string): SnapshotFile {
  const what = JSON.stringify(name.slice(0, 80));
  if (text.length > MAX_SNAPSHOT_FILE_BYTES) return { error: `${what} is larger than ${MAX_SNAPSHOT_FILE_BYTES / 1024 / 1024} MB.` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { error: `${what} is not JSON (${err instanceof Error ? err.message.slice(0, 120) : 'parse error'}).` };
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      error: `${what} is not a Geometry Lab snapshot: ${issue ? `${issue.path.join('.').slice(0, 80) || 'file'}: ${issue.message}` : 'unexpected shape'}.`,
    };
  }
  const file = parsed.data;
  const floats = Object.values(file.tensors).reduce((n, t) => n + t.data.length, 0);
  if (floats > MAX_FLOATS) return { error: `${what} holds more than ${MAX_FLOATS.toLocaleString('en')} values.` };
  const lab = findLab(file.lab);
  if (!lab) return { error: `${what} is a snapshot of an unknown lab ${JSON.stringify(file.lab.slice(0, 40))}.` };
  const unknown = Object.keys(file.params).filter((k) => !lab.params.some((p) => p.key === k));
  if (unknown.length) return { error: `${what}: ${lab.id} has no parameter ${JSON.stringify(unknown[0]!.slice(0, 40))}.` };
  const missing = lab.params.filter((p) => !Object.prototype.hasOwnProperty.call(file.params, p.key)).map((p) => p.key);
  if (missing.length) return { error: `${what}: parameter ${missing[0]} is missing.` };
  const checked = parseParams(lab.paramSchema, lab.params, file.params);
  if ('error' in checked) return { error: `${what}: ${checked.error}.` };
  const params = checked.params;
  let shapes: Record<string, number[]>;
  try {
    shapes = lab.weightShapes(params);
  } catch (err) {
    return { error: `${what}: these parameters are not valid together (${err instanceof Error ? err.message : String(err)}).` };
  }
  const weights = checkWeights(file.tensors, shapes, what);
  if ('error' in weights) return weights;
  return { labId: lab.id, params, snapshot: { step: file.step, loss: file.loss ?? NaN, weights: weights.weights } };
}
