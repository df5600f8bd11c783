/** The stitching layers' kinds (no tfjs here: the views and the metrics import it). */
export const STITCH_KINDS = ['full', 'group', 'permutation', 'lowRank'] as const;
export type StitchKind = (typeof STITCH_KINDS)[number];

export const STITCH_LABELS: Record<StitchKind, string> = {
  full: 'full',
  group: 'group',
  permutation: 'permutation',
  lowRank: 'low rank',
};
