/**
 * When a loss read-back means the run diverged. A non-finite loss always does. A finite one does
 * when it exceeds LOSS_BLOW_UP × the run's first loss (the loss of its starting weights, read after
 * one step): a learning rate that is far too large can throw the weights so far that the loss jumps
 * by many orders of magnitude and the network then settles dead, without a NaN ever appearing.
 * Healthy runs only lower their loss; the floor keeps a near-perfect restored model's ordinary
 * fluctuations from counting.
 */
export const LOSS_BLOW_UP = 1e4;
/** The reference never counts as smaller than this. */
export const LOSS_FLOOR = 1e-2;

/** Why this loss means divergence, or null. `reference` is the run's first loss (null: not read yet). */
export function lossDiverged(loss: number, reference: number | null): string | null {
  if (!Number.isFinite(loss)) return `loss ${loss}`;
  if (reference === null || !Number.isFinite(reference)) return null;
  const base = Math.max(reference, LOSS_FLOOR);
  return loss > LOSS_BLOW_UP * base
    ? `loss ${loss.toPrecision(3)} is over ${LOSS_BLOW_UP.toLocaleString('en')}× the starting ${reference.toPrecision(3)}`
    : null;
}
