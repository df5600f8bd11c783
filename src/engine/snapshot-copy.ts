/** Copies of snapshots that reuse the previous copy's memory: the worker's restore point. */
import type { NamedTensor, Snapshot } from './run-types';

/**
 * `tensors` copied into `reuse`'s arrays where a name's size matches, into new arrays elsewhere.
 * Filling fresh memory is what costs: the first touch of new pages took ~3 ms per MB on the 2-core
 * machine against ~0.3 ms to copy into touched memory, and spotlight's weights are 3.3 MB a snapshot.
 */
export function copyTensorsInto(
  tensors: Readonly<Record<string, NamedTensor | undefined>>,
  reuse: Readonly<Record<string, NamedTensor | undefined>> | undefined,
): Record<string, NamedTensor> {
  const out: Record<string, NamedTensor> = {};
  for (const [k, v] of Object.entries(tensors)) {
    if (!v) continue;
    const old = reuse?.[k];
    if (old && old.data.length === v.data.length) {
      old.data.set(v.data);
      out[k] = { shape: [...v.shape], data: old.data };
    } else out[k] = { shape: [...v.shape], data: v.data.slice() };
  }
  return out;
}

/** A copy of `snapshot` that reuses `previous`'s arrays (which nothing else may hold). */
export function copyInto(snapshot: Snapshot, previous: Snapshot | null): Snapshot {
  const out: Snapshot = { step: snapshot.step, loss: snapshot.loss, weights: copyTensorsInto(snapshot.weights, previous?.weights) };
  if (snapshot.analysis) {
    out.analysis = copyTensorsInto(snapshot.analysis, previous?.analysis);
    out.analysisStep = snapshot.analysisStep;
  }
  return out;
}
