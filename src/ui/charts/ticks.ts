import { format, type ScaleLinear, type ScaleLogarithmic } from 'd3';

/** A tick to render: a domain value and its label ('' for an unlabelled minor tick). */
export interface Tick {
  value: number;
  label: string;
}

export function linearTicks(scale: ScaleLinear<number, number>, count = 5, specifier?: string): Tick[] {
  const fmt = specifier ? format(specifier) : scale.tickFormat(count);
  return scale.ticks(count).map((value) => ({ value, label: fmt(value) }));
}

/**
 * Ticks of a log scale: d3 picks minor ticks and leaves some labels empty, so crowded decades
 * stay readable. Labels use a compact general format.
 */
export function logTicks(scale: ScaleLogarithmic<number, number>, count = 5, specifier = '.2~g'): Tick[] {
  const fmt = scale.tickFormat(count, specifier);
  return scale.ticks(count).map((value) => ({ value, label: fmt(value) }));
}
