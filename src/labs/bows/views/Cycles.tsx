import { scaleLinear } from 'd3';
import { useMemo } from 'react';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { ViewPanel } from '../../../ui/ViewPanel';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { indexColor } from '../../../ui/charts/indexColor';
import { CHART_FONT, FAINT, INK } from '../../../ui/charts/style';
import { cyclePlane, listIds, MONTHS, NUMBERS, WEEKDAYS } from '../analysis';
import { snapshotW, tensorData, throttledView, useWords, type BowsSnapshot } from './shared';
import { CycleData } from './CycleData';
import { snapshotCycles } from '../metrics';
import { cycleTensor } from '../constants';
import { BOWS_ABOUT } from './about';
import { cycleReading } from './cycle-reading';

const SIZE = 340;
const PAD = 40;
export const CYCLE_LISTS: Record<string, readonly string[]> = { months: MONTHS, weekdays: WEEKDAYS, numbers: NUMBERS };
const MAX_ITEMS = 40;

/** Parses a user's list: words separated by commas, spaces or new lines, at most MAX_ITEMS. */
export function parseList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((w) => w.trim())
    .filter((w) => w.length > 0)
    .slice(0, MAX_ITEMS);
}

type Props = Pick<LabViewProps, 'viewState' | 'setViewState'> & { snapshot: BowsSnapshot | null } & {
  /** A fixed list (e.g. the weekdays) in its own view, without the list editor. */
  fixed?: { name: string; list: readonly string[] };
};

/** The default list: the synthetic ring's features when the data is synthetic, else the months. */
function defaultList(snapshot: BowsSnapshot | null, words: readonly string[]): string {
  const ring = tensorData(snapshot, cycleTensor('ring', 'ids'));
  if (ring) return Array.from(ring, (i) => words[i] ?? '').join(', ');
  return MONTHS.join(', ');
}

/** The worker's cycle (with data-side read-outs) whose items are exactly these ids, if any. */
function matchingCycle(snapshot: BowsSnapshot | null, ids: readonly number[]): string | null {
  for (const c of snapshotCycles(snapshot?.staticData ?? {})) {
    const t = tensorData(snapshot, cycleTensor(c, 'ids'));
    if (t && t.length === ids.length && ids.every((id, k) => t[k] === id)) return c;
  }
  return null;
}

/** An ordered word list's W columns (L2-normalised) in their top-2 principal plane, joined in order. */
function CyclesView({ snapshot, viewState, setViewState, fixed }: Props) {
  const snap = snapshot;
  const words = useWords(snap);
  const text = fixed ? fixed.list.join(', ') : (viewState.cycle ?? defaultList(snap, words));
  const list = useMemo(() => parseList(text), [text]);
  const index = useMemo(() => new Map(words.map((w, i) => [w, i])), [words]);
  const sel = useMemo(() => listIds(list, index), [list, index]);
  const w = snapshotW(snap);
  const plane = useMemo(() => (w && sel.ids.length >= 3 ? cyclePlane(w.data, w.m, w.V, sel.ids) : null), [w, sel]);
  const dataCycle = matchingCycle(snap, sel.ids);
  const side = dataCycle ? <CycleData snapshot={snap} cycle={dataCycle} words={sel.found} modelScore={plane?.score ?? NaN} /> : null;
  const id = fixed ? `bows-cycles-${fixed.name}` : 'bows-cycles';
  const title = fixed ? `Cycles: ${fixed.name}` : 'Cycles';
  const pointId = fixed ? `${fixed.name}-point` : 'cycle-point';

  const preset = Object.entries(CYCLE_LISTS).find(([, l]) => l.join(', ') === text)?.[0] ?? 'custom';
  const controls = (
    <select
      value={preset}
      onChange={(e) => CYCLE_LISTS[e.target.value] && setViewState('cycle', CYCLE_LISTS[e.target.value]!.join(', '))}
      data-testid="cycle-preset"
      title="Built-in lists"
      aria-label="Built-in cycle lists"
    >
      {Object.keys(CYCLE_LISTS).map((k) => (
        <option key={k} value={k}>
          {k}
        </option>
      ))}
      <option value="custom" disabled>
        custom
      </option>
    </select>
  );
  const caption = fixed ? (
    <span data-testid={`${fixed.name}-status`}>
      {sel.ids.length} of {list.length} in the vocabulary
      {sel.missing.length > 0 ? ` (missing: ${sel.missing.join(', ')})` : ''}
      {plane
        ? ` · cycle order score ${Number.isFinite(plane.score) ? plane.score.toFixed(2) : '—'}${cycleReading(plane.score, sel.ids.length)}`
        : ''}
    </span>
  ) : (
    <>
      <textarea
        value={text}
        onChange={(e) => setViewState('cycle', e.target.value)}
        rows={2}
        style={{ width: '100%' }}
        data-testid="cycle-input"
        aria-label="ordered word list"
      />
      <span data-testid="cycle-status">
        {sel.ids.length} of {list.length} in the vocabulary
        {sel.missing.length > 0 ? ` (missing: ${sel.missing.join(', ')})` : ''}
        {plane
          ? ` · cycle order score ${Number.isFinite(plane.score) ? plane.score.toFixed(2) : '—'}${cycleReading(plane.score, sel.ids.length)}`
          : ''}
      </span>
    </>
  );
  if (!w || !plane) {
    return (
      <ViewPanel id={id} about={BOWS_ABOUT.cycle} title={title} actions={fixed ? undefined : controls} caption={caption}>
        <ChartPlaceholder width={SIZE} height={SIZE} text={w ? 'Need at least 3 listed words in the vocabulary' : 'Press play'} />
      </ViewPanel>
    );
  }
  const n = sel.ids.length;
  let ext = 1e-9;
  for (let k = 0; k < 2 * n; k++) ext = Math.max(ext, Math.abs(plane.xy[k]!));
  const s = scaleLinear()
    .domain([-ext, ext])
    .range([PAD, SIZE - PAD]);
  const sy = scaleLinear()
    .domain([-ext, ext])
    .range([SIZE - PAD, PAD]);
  const pts = Array.from({ length: n }, (_, k) => [s(plane.xy[2 * k]!), sy(plane.xy[2 * k + 1]!)] as const);
  const path = pts.map(([a, b], k) => `${k === 0 ? 'M' : 'L'}${a.toFixed(1)},${b.toFixed(1)}`).join('') + 'Z';
  return (
    <>
      <ViewPanel id={id} about={BOWS_ABOUT.cycle} title={title} actions={fixed ? undefined : controls} caption={caption}>
        <svg width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label="cycle plane">
          <rect width={SIZE} height={SIZE} fill="#ffffff" />
          <line x1={s(0)} x2={s(0)} y1={PAD / 2} y2={SIZE - PAD / 2} stroke={FAINT} />
          <line y1={sy(0)} y2={sy(0)} x1={PAD / 2} x2={SIZE - PAD / 2} stroke={FAINT} />
          <path d={path} fill="none" stroke={INK} strokeWidth={1} strokeOpacity={0.6} />
          {pts.map(([a, b], k) => (
            <g key={k} data-testid={pointId}>
              <circle cx={a} cy={b} r={4} fill={indexColor(k, n)} stroke={INK} strokeWidth={0.5} />
              {/* Labels of the right half run leftwards, so a long word ("November") is not clipped at the edge. */}
              <text
                x={a > SIZE / 2 ? a - 6 : a + 6}
                y={b - 6}
                textAnchor={a > SIZE / 2 ? 'end' : 'start'}
                fontFamily={CHART_FONT}
                fontSize={11}
                fill={INK}
              >
                {sel.found[k]}
              </text>
            </g>
          ))}
          <text x={8} y={14} fontFamily={CHART_FONT} fontSize={10} fill={INK}>
            {`PC1 ${(100 * (plane.explained[0] ?? 0)).toFixed(0)}% · PC2 ${(100 * (plane.explained[1] ?? 0)).toFixed(0)}% of the list's variance`}
          </text>
        </svg>
      </ViewPanel>
      {side}
    </>
  );
}

/** Redrawn from a snapshot at most every 200 ms, and not re-rendered in between (shared.ts). */
export const Cycles = throttledView(CyclesView, 200);
