import type { ModelAnalysis } from './analysis';

/** Why a PPPM image is empty, when it is: a blank image with no word reads as a broken view. */
export function emptyPppmHint(analyses: ReadonlyArray<Pick<ModelAnalysis, 'name' | 'pppm'>>, epsilon: number): string {
  const empty = analyses.filter((a) => a.pppm && a.pppm.kept === 0);
  if (!empty.length) return '';
  const names = empty.map((a) => a.name).join(', ');
  const total = empty[0]!.pppm!.total;
  return ` ${names}: 0 of ${total} probe codes lie within ε = ${epsilon} of this plane yet — early in training codes are spread out, and saturated tanh codes sit between the axes; lower ε, pick another plane, or read the ensemble view.`;
}
