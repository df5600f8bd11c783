/**
 * Many dots as one SVG path: a filled circle of radius r at each point, as two arcs. A scatter of
 * 1,500 <circle>s (each with a <title>) redrawn a few times a second was most of the bows page's
 * DOM changes (~9,500 a second); one path is one attribute. Overlapping dots of one path do not
 * darken each other as separate translucent circles would.
 */
export function dotsPath(xs: ArrayLike<number>, ys: ArrayLike<number>, r: number, only?: Iterable<number>): string {
  const parts: string[] = [];
  const d = round(2 * r);
  const add = (i: number) => {
    const x = xs[i]!;
    const y = ys[i]!;
    if (Number.isFinite(x) && Number.isFinite(y)) parts.push(`M${round(x - r)} ${round(y)}a${r} ${r} 0 1 0 ${d} 0a${r} ${r} 0 1 0 ${-d} 0`);
  };
  if (only) for (const i of only) add(i);
  else for (let i = 0; i < xs.length; i++) add(i);
  return parts.join('');
}

/** To a hundredth of a pixel: shorter paths, nothing visible lost. */
const round = (v: number) => Math.round(v * 100) / 100;

/** The index of the point nearest (px, py) within `radius`, or null. */
export function nearestPoint(xs: ArrayLike<number>, ys: ArrayLike<number>, px: number, py: number, radius: number): number | null {
  let best = radius * radius;
  let arg: number | null = null;
  for (let i = 0; i < xs.length; i++) {
    const d = (xs[i]! - px) ** 2 + (ys[i]! - py) ** 2;
    if (d <= best) {
      best = d;
      arg = i;
    }
  }
  return arg;
}
