/**
 * Boundaries of grid cells centred on sorted-or-unsorted sample values: midpoints between
 * neighbours (geometric midpoints when `log`), the outer edges mirrored. Returns, per value in
 * the given order, its [low, high] edges.
 */
export function cellEdges(values: readonly number[], log: boolean): Array<[number, number]> {
  const t = (v: number) => (log ? Math.log(v) : v);
  const inv = (v: number) => (log ? Math.exp(v) : v);
  const order = values.map((v, i) => ({ v: t(v), i })).sort((a, b) => a.v - b.v);
  const out: Array<[number, number]> = values.map(() => [0, 0]);
  const k = order.length;
  order.forEach(({ v, i }, r) => {
    const prev = r > 0 ? order[r - 1]!.v : undefined;
    const next = r < k - 1 ? order[r + 1]!.v : undefined;
    const half = prev !== undefined ? (v - prev) / 2 : next !== undefined ? (next - v) / 2 : 0.5;
    const halfUp = next !== undefined ? (next - v) / 2 : half;
    out[i] = [inv(v - half), inv(v + halfUp)];
  });
  return out;
}
