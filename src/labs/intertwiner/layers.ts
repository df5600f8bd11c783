/** Layer sizes of the intertwiner networks: shared by the model (worker) and the views (page), without tfjs. */
export type Task = 'classifier' | 'autoencoder';

const INPUT = 784;
const CLASSES = 10;

export function layerDims(cfg: { task: Task; hidden: number; bottleneck: number }): number[] {
  return cfg.task === 'classifier' ? [INPUT, cfg.hidden, cfg.hidden, CLASSES] : [INPUT, cfg.hidden, cfg.bottleneck, cfg.hidden, INPUT];
}
