/** Names and sizes shared by the bias model (worker) and its metrics and views (page), without tfjs. */
export const LAYER_NAMES = ['h1', 'h2', 'h3'] as const;
export const PROBE_SAMPLES = 1024;
/** Probe samples drawn in the PCA scatter. */
export const PCA_POINTS = 300;
/** Every feature must be at least this accurate on the probe set before its share is scored. */
export const SCORE_ACCURACY = 0.99;
