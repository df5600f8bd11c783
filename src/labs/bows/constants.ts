/** Names and sizes shared by the bows model (worker) and its metrics and views (page), without tfjs. */
/** Order of the entries of the `stats` snapshot tensor. */
export const STAT_KEYS = [
  'pmiCorrelation',
  'cycleOrderScore',
  'dataCycleOrderScore',
  'weekdayCycleOrderScore',
  'dataWeekdayCycleOrderScore',
  'cycleItems',
  'monthsInVocab',
  'precision',
  'recall',
  'lr',
  'weightDecay',
  'windows',
  'coverage',
  'coverageNonStop',
  'pmiPairs',
  'docs',
  'records',
  'tokens',
  'analysisStep',
] as const;
export type StatKey = (typeof STAT_KEYS)[number];

/** Words clustered for the heatmap, clusters cut from their dendrogram, pairs in the scatter. */
export const CLUSTER_WORDS = 200;
export const CLUSTERS = 10;
export const SCATTER_PAIRS = 1500;

/** Snapshot tensor names of a cycle's read-outs (model and data), e.g. cycle.months.simModel. */
export const cycleTensor = (cycle: string, part: 'ids' | 'simModel' | 'simDataPmi' | 'simDataCos' | 'dataXY'): string =>
  `cycle.${cycle}.${part}`;

/** The most bytes of the user's own text a run reads (checked from the files' sizes before reading). */
export const MAX_CORPUS_BYTES = 200 * 1024 * 1024;
