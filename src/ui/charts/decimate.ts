/**
 * Keeps at most about `max` points of a series by taking every k-th one; the last point is
 * always kept so the curve ends where the data ends.
 */
export function decimate<T>(points: readonly T[], max = 1000): T[] {
  if (points.length <= max) return points.slice();
  const stride = Math.ceil(points.length / max);
  const out: T[] = [];
  for (let i = 0; i < points.length; i += stride) out.push(points[i]!);
  if ((points.length - 1) % stride !== 0) out.push(points[points.length - 1]!);
  return out;
}
