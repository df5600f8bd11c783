/** The PCA lab's read-outs from W₁, W₂ and the data's basis and spectrum: the analysis, the metrics and the views share them. */
import type { NamedTensor } from '../../engine/lab';
import { capturedShares, expectedLoss, optimumLoss } from './subspace';

export type PcaReadoutName = 'alignment' | 'captured' | 'expectedLoss' | 'optimumLoss';

export interface PcaReadouts {
  /** Mean squared cosine of the principal angles between span(W₂) and the top-k eigenvectors. */
  alignment: number;
  /** Per eigen-direction i: ‖P_{W₂} u_i‖². */
  captured: number[];
  /** E‖x − W₂W₁x‖² under the data's distribution. */
  expectedLoss: number;
  /** Σ_{i≥k} λ_i. */
  optimumLoss: number;
}

export function readoutValues(w1: NamedTensor, w2: NamedTensor, basis: NamedTensor, lambda: NamedTensor): PcaReadouts {
  const [d, k] = w2.shape as [number, number];
  const lam = Array.from(lambda.data);
  const captured = capturedShares(w2.data, d, k, basis.data);
  const kk = Math.min(k, d);
  return {
    alignment: captured.slice(0, kk).reduce((s, v) => s + v, 0) / kk,
    captured,
    expectedLoss: expectedLoss(w1.data, w2.data, d, k, basis.data, lam),
    optimumLoss: optimumLoss(lam, k),
  };
}

const scalar = (v: number): NamedTensor => ({ shape: [1], data: Float32Array.of(v) });

/** The same read-outs as named tensors, for a snapshot's `analysis`. */
export function pcaReadouts(
  w1: NamedTensor,
  w2: NamedTensor,
  basis: NamedTensor,
  lambda: NamedTensor,
): Record<PcaReadoutName, NamedTensor> {
  const r = readoutValues(w1, w2, basis, lambda);
  return {
    alignment: scalar(r.alignment),
    captured: { shape: [r.captured.length], data: Float32Array.from(r.captured) },
    expectedLoss: scalar(r.expectedLoss),
    optimumLoss: scalar(r.optimumLoss),
  };
}
