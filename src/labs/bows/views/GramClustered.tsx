import { select, zoom, zoomIdentity, type ZoomTransform } from 'd3';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ViewPanel } from '../../../ui/ViewPanel';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { RampLegend } from '../../../ui/charts/RampLegend';
import { PixelCanvas } from '../../../ui/charts/PixelCanvas';
import { divergingColor, divergingPixels } from '../../../ui/charts/heatmap-pixels';
import { CHART_FONT, INK } from '../../../ui/charts/style';
import { snapshotW, tensorData, throttledView, useWords, type BowsSnapshot } from './shared';
import { BOWS_ABOUT } from './about';
import { svgPoint } from '../../../ui/charts/svg-point';

const WIDTH = 360;
const HEIGHT = 400;
const LEFT = 10;
const TOP = 10;
const SIDE = 340;

/** WᵀW of the most frequent words, rows and columns in dendrogram (average-linkage) order. */
function GramClusteredView({ snapshot }: { snapshot: BowsSnapshot | null }) {
  const snap = snapshot;
  const words = useWords(snap);
  const order = tensorData(snap, 'clusterOrder');
  const w = snapshotW(snap);
  const svgRef = useRef<SVGSVGElement>(null);
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const [hover, setHover] = useState<{ i: number; j: number } | null>(null);

  const heat = useMemo(() => {
    if (!w || !order || order.length === 0) return null;
    const n = order.length;
    const ids = Array.from(order, (v) => v | 0);
    const cols = new Float64Array(n * w.m);
    ids.forEach((id, k) => {
      for (let r = 0; r < w.m; r++) cols[k * w.m + r] = w.data[r * w.V + id]!;
    });
    const g = new Float32Array(n * n);
    let max = 0;
    for (let a = 0; a < n; a++) {
      for (let b = a; b < n; b++) {
        let s = 0;
        for (let r = 0; r < w.m; r++) s += cols[a * w.m + r]! * cols[b * w.m + r]!;
        g[a * n + b] = s;
        g[b * n + a] = s;
        if (a !== b) max = Math.max(max, Math.abs(s));
      }
    }
    max = max > 0 ? max : 1;
    return { n, ids, g, max, pixels: divergingPixels(g, max) };
  }, [w, order]);
  const hasHeat = heat !== null;

  useEffect(() => {
    const el = svgRef.current;
    if (!el) return;
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 20])
      .translateExtent([
        [LEFT, TOP],
        [LEFT + SIDE, TOP + SIDE],
      ])
      .on('zoom', (e: { transform: ZoomTransform }) => setTransform(e.transform));
    select(el).call(z);
    return () => {
      select(el).on('.zoom', null);
    };
  }, [hasHeat]);

  if (!heat) {
    return (
      <ViewPanel id="bows-gram" about={BOWS_ABOUT.gram} title="WᵀW, clustered">
        <ChartPlaceholder width={WIDTH} height={HEIGHT} />
      </ViewPanel>
    );
  }
  const { n, ids, g, max } = heat;
  const cell = SIDE / n;
  const onMove = (e: React.PointerEvent<SVGSVGElement>) => {
    const at = svgPoint(e);
    if (!at) return setHover(null);
    const [px, py] = transform.invert([at.x, at.y]);
    const j = Math.floor((px - LEFT) / cell);
    const i = Math.floor((py - TOP) / cell);
    setHover(i >= 0 && j >= 0 && i < n && j < n ? { i, j } : null);
  };
  const readout = hover
    ? `${words[ids[hover.i]!] ?? '?'} · ${words[ids[hover.j]!] ?? '?'} = ${g[hover.i * n + hover.j]!.toFixed(3)}`
    : 'hover a cell · wheel to zoom · drag to pan';
  return (
    <ViewPanel
      id="bows-gram"
      about={BOWS_ABOUT.gram}
      title="WᵀW, clustered"
      caption={`The ${n} most frequent words, ordered by average-linkage clustering of their W columns (cosine).`}
    >
      <svg
        ref={svgRef}
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label="clustered WᵀW heatmap"
        data-testid="gram-svg"
        onPointerMove={onMove}
        onPointerLeave={() => setHover(null)}
        style={{ cursor: 'crosshair', touchAction: 'none' }}
      >
        <rect width={WIDTH} height={HEIGHT} fill="#ffffff" />
        <defs>
          <clipPath id="bows-gram-clip">
            <rect x={LEFT} y={TOP} width={SIDE} height={SIDE} />
          </clipPath>
        </defs>
        <g clipPath="url(#bows-gram-clip)">
          <g transform={transform.toString()}>
            <PixelCanvas x={LEFT} y={TOP} width={SIDE} height={SIDE} pixels={heat.pixels} cols={n} rows={n} />
            {hover ? (
              <rect
                x={LEFT + hover.j * cell}
                y={TOP + hover.i * cell}
                width={cell}
                height={cell}
                fill="none"
                stroke={INK}
                strokeWidth={1 / transform.k}
              />
            ) : null}
          </g>
        </g>
        <rect x={LEFT} y={TOP} width={SIDE} height={SIDE} fill="none" stroke={INK} strokeWidth={0.5} />
        <text x={LEFT} y={TOP + SIDE + 16} fontFamily={CHART_FONT} fontSize={11} fill={INK} data-testid="gram-hover">
          {readout}
        </text>
        <RampLegend
          x={LEFT + SIDE / 4}
          y={TOP + SIDE + 26}
          width={SIDE / 2}
          domain={[-max, max]}
          color={divergingColor(max)}
          format={(v) => v.toFixed(2)}
        />
      </svg>
    </ViewPanel>
  );
}

/** Redrawn from a snapshot at most every 250 ms, and not re-rendered in between (shared.ts). */
export const GramClustered = throttledView(GramClusteredView, 250);
