import { memo } from 'react';
import { interpolateRdBu, scaleLinear } from 'd3';
import type { ModelAnalysis } from './analysis';
import { indexColor } from '../../../ui/charts/indexColor';
import { CHART_FONT, FAINT, GRID, INK } from '../../../ui/charts/style';
import { Axis } from '../../../ui/charts/Axis';
import { linearTicks } from '../../../ui/charts/ticks';
import { fixed } from '../../../ui/charts/finite';

const POLAR = 340;

/** Polar SRM as the author plots it: mean over planes (line) ± s.d. (shaded) per model, with the spotlight cone at `sweep` (radians). */
export function SrmPolar({
  models,
  epsilon,
  sweep,
  signed,
  testId,
}: {
  models: ModelAnalysis[];
  epsilon: number;
  sweep: number;
  signed: boolean;
  testId?: string;
}) {
  const c = POLAR / 2;
  const R = c - 34;
  let max = 0;
  models.forEach((m) => m.curve.forEach((v, i) => (max = Math.max(max, Math.abs(v) + (m.sd[i] ?? 0)))));
  const scale = max > 0 ? max * 1.1 : 1;
  const rOf = (v: number) => (signed ? (R / 2) * (1 + v / scale) : (R * Math.max(0, v)) / scale);
  const half = Math.acos(Math.min(1, epsilon));
  const cone = (a: number) =>
    `M${c},${c} L${c + R * Math.cos(a - half)},${c - R * Math.sin(a - half)} A${R},${R} 0 ${2 * half > Math.PI ? 1 : 0} 0 ${c + R * Math.cos(a + half)},${c - R * Math.sin(a + half)} Z`;
  const sweepIndex = Math.round(((((sweep % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI)) / (2 * Math.PI)) * 360) % 360;
  return (
    <svg width={POLAR} height={POLAR} viewBox={`0 0 ${POLAR} ${POLAR}`} role="img" aria-label="polar SRM plot" data-testid={testId}>
      <rect width={POLAR} height={POLAR} fill="#ffffff" />
      {[0.25, 0.5, 0.75, 1].map((f) => (
        <circle key={f} cx={c} cy={c} r={R * f} fill="none" stroke={GRID} />
      ))}
      {[0, 1, 2, 3].map((q) => (
        <line
          key={q}
          x1={c}
          y1={c}
          x2={c + R * Math.cos((q * Math.PI) / 2)}
          y2={c - R * Math.sin((q * Math.PI) / 2)}
          stroke={FAINT}
          strokeDasharray="3 3"
        />
      ))}
      {['bᵢ', 'b⊥', '−bᵢ', '−b⊥'].map((t, q) => (
        <text
          key={t}
          x={c + (R + 16) * Math.cos((q * Math.PI) / 2)}
          y={c - (R + 16) * Math.sin((q * Math.PI) / 2)}
          dy="0.32em"
          textAnchor="middle"
          fontFamily={CHART_FONT}
          fontSize={10}
          fill={INK}
        >
          {t}
        </text>
      ))}
      <path d={cone(sweep)} fill="#f2c14e" fillOpacity={0.25} stroke="#d9a000" strokeWidth={0.8} data-testid="spotlight-cone" />
      {models.map((m, g) => {
        const ring = (f: (v: number, i: number) => number) =>
          `M${Array.from(m.curve, (v, i) => {
            const a = (2 * Math.PI * i) / m.curve.length;
            const r = rOf(f(v, i));
            return `${(c + r * Math.cos(a)).toFixed(2)},${(c - r * Math.sin(a)).toFixed(2)}`;
          }).join('L')}Z`;
        const col = indexColor(g, Math.max(models.length, 2));
        const band = `${ring((v, i) => v + (m.sd[i] ?? 0))} ${ring((v, i) => (signed ? v - (m.sd[i] ?? 0) : Math.max(0, v - (m.sd[i] ?? 0))))}`;
        return (
          <g key={m.name}>
            <path d={band} fill={col} fillOpacity={0.15} fillRule="evenodd" stroke="none" data-testid="srm-sd" />
            <path d={ring((v) => v)} fill="none" stroke={col} strokeWidth={1.6} data-testid="srm-curve" data-model={m.name} />
          </g>
        );
      })}
      <text
        x={6}
        y={14}
        fontFamily={CHART_FONT}
        fontSize={10}
        fill={INK}
      >{`ε = ${epsilon.toFixed(2)} (cone ±${((half * 180) / Math.PI).toFixed(0)}°), outer ring = ${scale.toPrecision(2)}; shade ± s.d. over planes`}</text>
      {models.map((m, g) => (
        <text
          key={m.name}
          x={6}
          y={POLAR - 8 - 13 * (models.length - 1 - g)}
          fontFamily={CHART_FONT}
          fontSize={10}
          fill={indexColor(g, Math.max(models.length, 2))}
        >
          {`${m.name}: SRM(${sweepIndex}°) = ${fixed(m.curve[sweepIndex] ?? NaN, 4)} ± ${fixed(m.sd[sweepIndex] ?? NaN, 4)}`}
        </text>
      ))}
    </svg>
  );
}

const CELL = 170;

/**
 * PPPM density ratio (to the isotropic reference with the same norms) per model, one small multiple
 * each, log colour scale. `which`: the chosen plane, or every (sampled) plane stacked (the author's ensemble).
 */
export const PppmImages = memo(function PppmImages({
  models,
  testId,
  which = 'plane',
}: {
  models: ModelAnalysis[];
  testId?: string;
  which?: 'plane' | 'ensemble';
}) {
  const W = CELL * Math.max(1, models.length);
  const H = CELL + 34;
  const color = (r: number) => interpolateRdBu(0.5 - Math.max(-1, Math.min(1, Math.log2(Math.max(r, 1e-3)) / 3)) / 2);
  return (
    <svg
      width={W}
      height={H}
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={which === 'plane' ? 'PPPM density' : 'PPPM ensemble density'}
      data-testid={testId}
    >
      <rect width={W} height={H} fill="#ffffff" />
      {models.map((m, g) => {
        const p = which === 'plane' ? m.pppm : m.ensemble;
        const x0 = g * CELL + 8;
        const size = CELL - 16;
        if (!p)
          return (
            <text key={m.name} x={x0} y={40} fontFamily={CHART_FONT} fontSize={10} fill={INK}>
              plane undefined
            </text>
          );
        const cs = size / p.grid;
        const label = which === 'plane' ? `${m.name} · plane ${m.plane.join('-')}` : `${m.name} · ${p.planes.length} planes`;
        return (
          <g key={m.name} data-testid={which === 'plane' ? 'pppm-image' : 'pppm-ensemble-image'} data-kept={p.kept}>
            {Array.from(p.ratio, (r, idx) => {
              if (!Number.isFinite(r)) return null;
              const gx = idx % p.grid;
              const gy = Math.floor(idx / p.grid);
              return <rect key={idx} x={x0 + gx * cs} y={8 + (p.grid - 1 - gy) * cs} width={cs + 0.3} height={cs + 0.3} fill={color(r)} />;
            })}
            <circle cx={x0 + size / 2} cy={8 + size / 2} r={size / 2} fill="none" stroke={FAINT} />
            <text x={x0} y={size + 22} fontFamily={CHART_FONT} fontSize={10} fill={indexColor(g, Math.max(models.length, 2))}>
              {label}
            </text>
            <text
              x={x0}
              y={size + 34}
              fontFamily={CHART_FONT}
              fontSize={9}
              fill={INK}
            >{`${p.kept}/${p.total} kept · ${p.normalised ? 'â, radius 1' : `radius ${p.extent.toPrecision(2)}`}`}</text>
          </g>
        );
      })}
    </svg>
  );
});

/** The scatter's geometry for model g (one cell each). */
function scatterCell(g: number) {
  const size = CELL - 16;
  return { cx: g * CELL + 8 + size / 2, cy: 8 + size / 2, R: size / 2 };
}

/** Points drawn by the scatter per model (the first of the probe set). */
const SCATTER_POINTS = 512;

/**
 * Every model's points coloured by digit: redrawn only when the analysis changes (React.memo), not
 * as the cone sweeps, since there are thousands of them and snapshots arrive up to 30 times a second.
 */
const ScatterPoints = memo(function ScatterPoints({ models, labels }: { models: ModelAnalysis[]; labels: Float32Array | null }) {
  return (
    <>
      {models.map((m, g) => {
        const { cx, cy, R } = scatterCell(g);
        const n = Math.min(m.x.length, SCATTER_POINTS);
        const pts = [];
        for (let i = 0; i < n; i++) {
          const fill = labels ? indexColor(labels[i] ?? 0, 10) : '#777777';
          pts.push(<circle key={i} cx={cx + R * m.x[i]!} cy={cy - R * m.y[i]!} r={1.4} fill={fill} fillOpacity={0.5} />);
        }
        return <g key={m.name}>{pts}</g>;
      })}
    </>
  );
});

/** Normalised latents projected on the chosen plane, the cone at `sweep` drawn, points in it highlighted. */
export function LatentScatter({
  models,
  epsilon,
  sweep,
  labels,
}: {
  models: ModelAnalysis[];
  epsilon: number;
  sweep: number;
  labels: Float32Array | null;
}) {
  const W = CELL * Math.max(1, models.length);
  const H = CELL + 20;
  const half = Math.acos(Math.min(1, epsilon));
  const sx = Math.cos(sweep);
  const sy = Math.sin(sweep);
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label="latent scatter">
      <rect width={W} height={H} fill="#ffffff" />
      {models.map((m, g) => {
        const { cx, cy, R } = scatterCell(g);
        const wedge = `M${cx},${cy} L${cx + R * Math.cos(sweep - half)},${cy - R * Math.sin(sweep - half)} A${R},${R} 0 0 0 ${cx + R * Math.cos(sweep + half)},${cy - R * Math.sin(sweep + half)} Z`;
        return (
          <g key={m.name}>
            <circle cx={cx} cy={cy} r={R} fill="none" stroke={FAINT} />
            <circle cx={cx} cy={cy} r={R * epsilon} fill="none" stroke={FAINT} strokeDasharray="2 3" />
            <path d={wedge} fill="#f2c14e" fillOpacity={0.2} stroke="#d9a000" strokeWidth={0.6} />
            <text x={g * CELL + 8} y={H - 4} fontFamily={CHART_FONT} fontSize={10} fill={indexColor(g, Math.max(models.length, 2))}>
              {m.name}
            </text>
          </g>
        );
      })}
      <ScatterPoints models={models} labels={labels} />
      {models.map((m, g) => {
        // Over the points: the ones inside the cone now, in red.
        const { cx, cy, R } = scatterCell(g);
        const n = Math.min(m.x.length, SCATTER_POINTS);
        const hits = [];
        for (let i = 0; i < n; i++) {
          if (m.x[i]! * sx + m.y[i]! * sy >= epsilon)
            hits.push(<circle key={i} cx={cx + R * m.x[i]!} cy={cy - R * m.y[i]!} r={2.2} fill="#d62728" />);
        }
        return (
          <g key={m.name} data-testid="latent-in-cone">
            {hits}
          </g>
        );
      })}
    </svg>
  );
}

const AW = 340;
const ROW = 34;
const AM = { top: 16, right: 14, bottom: 34, left: 92 };

/**
 * The anisotropy statistic mean maxᵢ |bᵢ·â| per activation against its rotation null (95% band shaded, null
 * mean ticked), with the reconstruction error beside it: the lab's headline.
 */
export const AnisotropyChart = memo(function AnisotropyChart({ models }: { models: ModelAnalysis[] }) {
  const H = AM.top + ROW * models.length + AM.bottom;
  const ratio = (m: ModelAnalysis, v: number) => v / m.anisotropy.nullMean;
  const vals: number[] = [1];
  for (const m of models)
    for (const v of [m.anisotropy.value, m.anisotropy.nullLow, m.anisotropy.nullHigh])
      if (Number.isFinite(ratio(m, v))) vals.push(ratio(m, v));
  const split = AM.left + (AW - AM.left - AM.right) * 0.68;
  const x = scaleLinear()
    .domain([Math.min(...vals) * 0.97, Math.max(...vals) * 1.03])
    .range([AM.left, split - 10])
    .nice();
  const recs = models.map((m) => m.reconstruction).filter(Number.isFinite);
  const rx = scaleLinear()
    .domain([0, Math.max(1e-6, ...recs) * 1.1])
    .range([split + 6, AW - AM.right]);
  const yOf = (g: number) => AM.top + ROW * g + ROW / 2;
  return (
    <svg
      width={AW}
      height={H}
      viewBox={`0 0 ${AW} ${H}`}
      role="img"
      aria-label="anisotropy against its rotation null, and reconstruction error"
      data-testid="anisotropy-chart"
    >
      <rect width={AW} height={H} fill="#ffffff" />
      <line x1={x(1)} x2={x(1)} y1={AM.top - 4} y2={H - AM.bottom} stroke={FAINT} strokeDasharray="3 3" />
      <Axis
        orient="bottom"
        scale={x}
        ticks={linearTicks(x, 4)}
        position={H - AM.bottom}
        range={[AM.left, split - 10]}
        label="mean maxᵢ |bᵢ·â| ÷ null mean"
      />
      <text x={(split + 6 + AW - AM.right) / 2} y={H - 8} textAnchor="middle" fontFamily={CHART_FONT} fontSize={10} fill={INK}>
        recon. MSE
      </text>
      {models.map((m, g) => {
        const a = m.anisotropy;
        const col = indexColor(g, Math.max(models.length, 2));
        const y = yOf(g);
        const out = a.value < a.nullLow || a.value > a.nullHigh;
        const ok = [a.value, a.nullMean, a.nullLow, a.nullHigh].every(Number.isFinite) && a.nullMean !== 0;
        return (
          <g key={m.name}>
            <text x={AM.left - 6} y={y - 3} textAnchor="end" fontFamily={CHART_FONT} fontSize={10} fill={col}>
              {m.name}
            </text>
            <text
              x={AM.left - 6}
              y={y + 9}
              textAnchor="end"
              fontFamily={CHART_FONT}
              fontSize={9}
              fill={INK}
            >{`z ${fixed(a.z, 1)}${out ? ' · outside' : ''}`}</text>
            {ok ? (
              <>
                <rect
                  x={x(ratio(m, a.nullLow))}
                  y={y - 7}
                  width={Math.max(1, x(ratio(m, a.nullHigh)) - x(ratio(m, a.nullLow)))}
                  height={14}
                  fill="#bbbbbb"
                  fillOpacity={0.45}
                  data-testid="anisotropy-band"
                  data-model={m.name}
                />
                <line x1={x(1)} x2={x(1)} y1={y - 9} y2={y + 9} stroke={INK} strokeWidth={1} />
                <circle
                  cx={x(ratio(m, a.value))}
                  cy={y}
                  r={5}
                  fill={col}
                  stroke={INK}
                  strokeWidth={0.6}
                  data-testid="anisotropy-point"
                  data-model={m.name}
                  data-value={a.value.toFixed(5)}
                  data-outside={out ? '1' : '0'}
                >
                  <title>{`${m.name}: mean maxᵢ |bᵢ·â| = ${a.value.toFixed(4)}; rotation null ${a.nullMean.toFixed(4)} [${a.nullLow.toFixed(4)}, ${a.nullHigh.toFixed(4)}] (95%), z = ${fixed(a.z, 2)}`}</title>
                </circle>
              </>
            ) : null}
            {Number.isFinite(m.reconstruction) ? (
              <>
                <rect
                  x={rx(0)}
                  y={y - 6}
                  width={Math.max(0, rx(m.reconstruction) - rx(0))}
                  height={12}
                  fill={col}
                  fillOpacity={0.7}
                  data-testid="recon-bar"
                  data-model={m.name}
                />
                <text x={rx(0) + 3} y={y + 3.5} fontFamily={CHART_FONT} fontSize={9} fill={INK}>
                  {m.reconstruction.toFixed(4)}
                </text>
              </>
            ) : null}
          </g>
        );
      })}
      <text x={AM.left} y={10} fontFamily={CHART_FONT} fontSize={9} fill={INK}>
        grey: 95% of 40 random rotations · tick: their mean
      </text>
    </svg>
  );
});
