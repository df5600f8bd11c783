import { describe, expect, it } from 'vitest';
import { createRng } from '../engine/rng';
import { decodeSnapshotHash, encodeSnapshotHash, MAX_HASH_FLOATS } from './hash-snapshot';
import type { Snapshot } from '../engine/lab';

const snapshot: Snapshot = {
  step: 1234,
  loss: 0.0205,
  weights: {
    W: { shape: [1, 2, 5], data: Float32Array.from([0.1, -0.2, 0.3, 1e-8, -4, 5, 6, 7, 8, 9.5]) },
    b: { shape: [1, 1, 5], data: Float32Array.from([-0.1, 0, 0, 0, 0.25]) },
  },
};

describe('snapshot in the URL hash', () => {
  it('round-trips the weights bit for bit', () => {
    const hash = encodeSnapshotHash(snapshot)!;
    expect(hash.startsWith('w=')).toBe(true);
    const back = decodeSnapshotHash(`#${hash}`);
    expect(back).toEqual({ snapshot });
  });

  it('keeps only the named tensors, and refuses models too large for a link', () => {
    const only = decodeSnapshotHash(encodeSnapshotHash(snapshot, ['W'])!);
    expect(only && 'snapshot' in only ? Object.keys(only.snapshot.weights) : []).toEqual(['W']);
    const big: Snapshot = {
      step: 0,
      loss: 1,
      weights: { W: { shape: [MAX_HASH_FLOATS + 1], data: new Float32Array(MAX_HASH_FLOATS + 1) } },
    };
    expect(encodeSnapshotHash(big)).toBeNull();
  });

  it('ignores hashes without weights and explains malformed ones without throwing', () => {
    expect(decodeSnapshotHash('')).toBeNull();
    expect(decodeSnapshotHash('#section')).toBeNull();
    const rng = createRng(9);
    const good = encodeSnapshotHash(snapshot)!;
    for (let i = 0; i < 500; i++) {
      const cut = good.slice(0, 2 + rng.int(good.length - 2));
      const flipped = good
        .split('')
        .map((c) => (rng.next() < 0.05 ? String.fromCharCode(33 + rng.int(90)) : c))
        .join('');
      for (const h of [cut, flipped, `w=${'A'.repeat(rng.int(300))}`]) {
        let out: ReturnType<typeof decodeSnapshotHash> = null;
        expect(() => (out = decodeSnapshotHash(h))).not.toThrow();
        if (out && 'snapshot' in out) {
          for (const t of Object.values((out as { snapshot: Snapshot }).snapshot.weights)) {
            expect(t.data.length).toBe(t.shape.reduce((a, b) => a * b, 1));
            expect(t.data.every(Number.isFinite)).toBe(true);
          }
        }
      }
    }
    expect(decodeSnapshotHash('w=garbage')).toHaveProperty('error');
  });
});
