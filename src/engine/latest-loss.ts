/**
 * Holds the loss tensor of the latest step that computed one (per model when several train in
 * one graph), freeing the previous one; read back only when asked.
 */
import type { Tensor } from './tf';

export class LatestLoss {
  private tensor: Tensor | null = null;
  /** Reported before any step (or after a restore), when there is no tensor to read. */
  private fallback: number;

  constructor(
    private readonly models = 1,
    fallback = NaN,
  ) {
    this.fallback = fallback;
  }

  /** Keeps `loss` (shape [models] or scalar) and frees the one before; undefined keeps the old one. */
  keep(loss: Tensor | undefined | null): void {
    if (!loss) return;
    this.tensor?.dispose();
    this.tensor = loss;
  }

  async perModel(): Promise<Float32Array> {
    if (!this.tensor) return new Float32Array(this.models).fill(this.fallback);
    return Float32Array.from(await this.tensor.data());
  }

  async mean(): Promise<number> {
    const per = await this.perModel();
    let sum = 0;
    for (const v of per) sum += v;
    return sum / per.length;
  }

  /** Frees the tensor; `fallback` is what is reported until the next kept loss. */
  clear(fallback = NaN): void {
    this.tensor?.dispose();
    this.tensor = null;
    this.fallback = fallback;
  }
}
