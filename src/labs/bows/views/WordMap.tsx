import { scaleLinear } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { ViewPanel } from '../../../ui/ViewPanel';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { indexColor } from '../../../ui/charts/indexColor';
import { SwatchLegend } from '../../../ui/charts/SwatchLegend';
import { CHART_FONT, FAINT, INK } from '../../../ui/charts/style';
import { MONTHS, NUMBERS, WEEKDAYS } from '../analysis';
import { CLUSTERS } from '../constants';
import { dotsPath, nearestPoint } from '../../../ui/charts/dots-path';
import { svgPoint } from '../../../ui/charts/svg-point';
import { snapshotW, tensorData, throttledView, useWords, type BowsSnapshot } from './shared';
import type { UmapReply, UmapRequest } from './umap.worker';
import { BOWS_ABOUT } from './about';

const WIDTH = 380;
const HEIGHT = 380;
const PAD = 16;
/** UMAP embeds at most this many of the most frequent words. */
const UMAP_MAX = 2000;
/** The most frequent words get a label on the map. */
const LABELLED = 25;

const CATEGORIES: ReadonlyArray<{ label: string; words: readonly string[]; color: string }> = [
  { label: 'months', words: MONTHS, color: '#d62728' },
  { label: 'weekdays', words: WEEKDAYS, color: '#1f77b4' },
  { label: 'numbers', words: NUMBERS, color: '#2ca02c' },
];

interface Embedding {
  xy: Float32Array;
  n: number;
  step: number;
}

type Props = Pick<LabViewProps, 'viewState' | 'setViewState' | 'params'> & { snapshot: BowsSnapshot | null };

function WordMapView({ snapshot, viewState, setViewState, params }: Props) {
  const snap = snapshot;
  const words = useWords(snap);
  const mode = viewState.map === 'umap' ? 'umap' : 'pca';
  const colorBy = viewState.color === 'category' ? 'category' : 'cluster';
  const query = viewState.q ?? '';
  const [umap, setUmap] = useState<Embedding | null>(null);
  const [umapProgress, setUmapProgress] = useState<number | null>(null);
  const [umapError, setUmapError] = useState<string | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const workerRef = useRef<Worker | null>(null);
  const latest = useRef(snapshot);
  latest.current = snapshot;

  useEffect(() => () => workerRef.current?.terminate(), []);
  // A new vocabulary (run reset) invalidates the embedding.
  useEffect(() => setUmap(null), [params.vocab, params.m, params.seed]);

  const runUmap = () => {
    const w = snapshotW(latest.current);
    if (!w) return;
    workerRef.current?.terminate();
    const n = Math.min(w.V, UMAP_MAX);
    const rows = new Float32Array(n * w.m);
    for (let i = 0; i < n; i++) for (let r = 0; r < w.m; r++) rows[i * w.m + r] = w.data[r * w.V + i]!;
    const worker = new Worker(new URL('./umap.worker.ts', import.meta.url), { type: 'module' });
    workerRef.current = worker;
    const step = latest.current?.step ?? 0;
    setUmapProgress(0);
    setUmapError(null);
    worker.onmessage = (e: MessageEvent<UmapReply>) => {
      const msg = e.data;
      if (msg.type === 'progress') setUmapProgress(msg.fraction);
      else {
        setUmapProgress(null);
        worker.terminate();
        workerRef.current = null;
        if (msg.type === 'done') {
          setUmap({ xy: msg.embedding, n, step });
          setViewState('map', 'umap');
        } else setUmapError(msg.message);
      }
    };
    worker.onerror = (e) => {
      setUmapProgress(null);
      setUmapError(e.message || 'UMAP worker failed');
    };
    worker.postMessage({ rows, n, dim: w.m, seed: Number(params.seed) || 1 } satisfies UmapRequest, [rows.buffer]);
  };

  const pcaXY = tensorData(snap, 'pca');
  const labels = tensorData(snap, 'clusterLabel');
  const points = useMemo(
    () => (mode === 'umap' && umap ? { xy: umap.xy, n: umap.n } : pcaXY ? { xy: pcaXY, n: pcaXY.length / 2 } : null),
    [mode, umap, pcaXY],
  );

  const scales = useMemo(() => {
    if (!points) return null;
    let x0 = Infinity,
      x1 = -Infinity,
      y0 = Infinity,
      y1 = -Infinity;
    for (let i = 0; i < points.n; i++) {
      const x = points.xy[2 * i]!,
        y = points.xy[2 * i + 1]!;
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
    if (!Number.isFinite(x0)) return null;
    const span = Math.max(x1 - x0, y1 - y0, 1e-9);
    const cx = (x0 + x1) / 2,
      cy = (y0 + y1) / 2;
    return {
      x: scaleLinear()
        .domain([cx - span / 2, cx + span / 2])
        .range([PAD, WIDTH - PAD]),
      y: scaleLinear()
        .domain([cy - span / 2, cy + span / 2])
        .range([HEIGHT - PAD, PAD]),
    };
  }, [points]);

  const category = useMemo(() => {
    const map = new Map<string, number>();
    CATEGORIES.forEach((c, k) => c.words.forEach((w) => map.set(w, k)));
    return map;
  }, []);

  // One path per colour and size (dotsPath): a circle per word was ~5,000 DOM changes a second.
  // Built once per snapshot and colouring, not again on every hover.
  const drawn = useMemo(() => {
    if (!points || !scales) return null;
    const colorOf = (i: number): string => {
      if (colorBy === 'category') {
        const c = category.get(words[i] ?? '');
        return c === undefined ? FAINT : CATEGORIES[c]!.color;
      }
      return labels ? indexColor((labels[i] ?? 0) | 0, CLUSTERS) : INK;
    };
    const xs = Float64Array.from({ length: points.n }, (_, i) => scales.x(points.xy[2 * i]!));
    const ys = Float64Array.from({ length: points.n }, (_, i) => scales.y(points.xy[2 * i + 1]!));
    const groups = new Map<string, { fill: string; r: number; members: number[] }>();
    // Faint (uncategorised) points first so coloured ones stay on top.
    const drawOrder = Array.from({ length: points.n }, (_, i) => i);
    if (colorBy === 'category') drawOrder.sort((a, b) => Number(category.has(words[a] ?? '')) - Number(category.has(words[b] ?? '')));
    for (const i of drawOrder) {
      const fill = colorOf(i);
      const r = i < 100 ? 2.6 : 1.8;
      const key = `${fill} ${r}`;
      const group = groups.get(key) ?? { fill, r, members: [] };
      group.members.push(i);
      groups.set(key, group);
    }
    return { xs, ys, groups: [...groups].map(([key, g]) => ({ key, fill: g.fill, d: dotsPath(xs, ys, g.r, g.members) })) };
  }, [points, scales, colorBy, category, words, labels]);

  const matches = useMemo(() => {
    const q = query.trim();
    if (!q) return [];
    const exact = words.indexOf(q);
    if (exact >= 0) return [exact];
    const lower = q.toLowerCase();
    const out: number[] = [];
    for (let i = 0; i < words.length && out.length < 5; i++) if (words[i]!.toLowerCase().startsWith(lower)) out.push(i);
    return out;
  }, [query, words]);

  const controls = (
    <>
      <select
        value={mode}
        onChange={(e) => setViewState('map', e.target.value)}
        data-testid="map-mode"
        title="Projection"
        aria-label="Projection"
      >
        <option value="pca">PCA</option>
        <option value="umap" disabled={!umap}>
          UMAP
        </option>
      </select>
      <select
        value={colorBy}
        onChange={(e) => setViewState('color', e.target.value)}
        data-testid="map-color"
        title="Colour"
        aria-label="Colour the words"
      >
        <option value="cluster">by cluster</option>
        <option value="category">by category</option>
      </select>
      <button type="button" className="small" onClick={runUmap} disabled={!snapshot || umapProgress !== null} data-testid="run-umap">
        {umapProgress !== null ? `UMAP ${Math.round(umapProgress * 100)}%` : 'Run UMAP'}
      </button>
    </>
  );

  const title = mode === 'umap' && umap ? `Word map · UMAP (step ${umap.step})` : 'Word map · PCA';
  if (!points || !scales || !drawn) {
    return (
      <ViewPanel id="bows-map" about={BOWS_ABOUT.map} title={title} caption={controls}>
        <ChartPlaceholder width={WIDTH} height={HEIGHT} />
      </ViewPanel>
    );
  }
  const { x, y } = scales;
  const dots = drawn.groups.map((g) => <path key={g.key} d={g.d} fill={g.fill} fillOpacity={0.75} />);
  const onMove = (e: React.PointerEvent<SVGSVGElement>) => {
    const at = svgPoint(e);
    setHover(at ? nearestPoint(drawn.xs, drawn.ys, at.x, at.y, 8) : null);
  };
  const searchText =
    query.trim() === ''
      ? ''
      : matches.length === 0
        ? `"${query.trim()}" is not in the vocabulary`
        : matches.map((i) => `${words[i]} (#${i + 1})`).join(', ');
  return (
    <ViewPanel
      id="bows-map"
      about={BOWS_ABOUT.map}
      title={title}
      caption={
        <>
          {controls}{' '}
          <input
            type="search"
            placeholder="find a word…"
            value={query}
            onChange={(e) => setViewState('q', e.target.value)}
            data-testid="map-search"
            aria-label="find a word on the map"
            style={{ width: 140 }}
          />{' '}
          <span data-testid="map-search-result">{searchText}</span>
          {umapError ? <span role="alert"> UMAP failed: {umapError}</span> : null}
        </>
      }
    >
      <svg
        width={WIDTH}
        height={HEIGHT + 22}
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 22}`}
        role="img"
        aria-label="word map"
        onPointerMove={onMove}
        onPointerLeave={() => setHover(null)}
      >
        <rect width={WIDTH} height={HEIGHT + 22} fill="#ffffff" />
        <g>{dots}</g>
        <g fontFamily={CHART_FONT} fontSize={9} fill={INK} fillOpacity={0.8}>
          {Array.from({ length: Math.min(LABELLED, points.n) }, (_, i) => (
            <text key={i} x={x(points.xy[2 * i]!) + 3} y={y(points.xy[2 * i + 1]!) - 3}>
              {words[i]}
            </text>
          ))}
        </g>
        {matches.map((i) => (
          <g key={`m${i}`} data-testid="map-match">
            <circle cx={x(points.xy[2 * i]!)} cy={y(points.xy[2 * i + 1]!)} r={7} fill="none" stroke="#000000" strokeWidth={2} />
            <text
              x={x(points.xy[2 * i]!) + 9}
              y={y(points.xy[2 * i + 1]!)}
              dy="0.32em"
              fontFamily={CHART_FONT}
              fontSize={12}
              fontWeight="bold"
              fill="#000000"
            >
              {words[i]}
            </text>
          </g>
        ))}
        {hover !== null ? (
          <text
            x={x(points.xy[2 * hover]!) + 6}
            y={y(points.xy[2 * hover + 1]!) - 6}
            fontFamily={CHART_FONT}
            fontSize={11}
            fill={INK}
            data-testid="map-hover"
          >
            {words[hover]}
          </text>
        ) : null}
        {colorBy === 'category' ? (
          <SwatchLegend x={PAD} y={HEIGHT + 4} items={CATEGORIES.map((c) => ({ label: c.label, color: c.color }))} spacing={90} />
        ) : null}
      </svg>
    </ViewPanel>
  );
}

/** Redrawn from a snapshot at most every 300 ms, and not re-rendered in between (shared.ts). */
export const WordMap = throttledView(WordMapView, 300);
