import { interpolateTurbo, schemeTableau10 } from 'd3';

/**
 * Colour for item i of n: Tableau10 (cycled) for up to ten items, a sequential ramp beyond so
 * neighbouring indices stay distinguishable and order is readable.
 */
export function indexColor(i: number, n: number): string {
  if (n <= schemeTableau10.length) return schemeTableau10[i % schemeTableau10.length]!;
  return interpolateTurbo(0.1 + (0.8 * i) / Math.max(1, n - 1));
}
