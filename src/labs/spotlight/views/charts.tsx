import { interpolateRdBu, scaleLinear } from 'd3';
import type { ModelAnalysis } from './analysis';
import { indexColor } from '../../../ui/charts/indexColor';
import { CHART_FONT, FAINT, GRID, INK } from '../../../ui/charts/style';
import { Axis } from '../../../ui/charts/Axis';
import { linearTicks } from '../../../ui/charts/ticks';
import { fixed } from '../../../ui/charts/finite';

const POLAR = 340;

/** Polar SRM: r = SRM(θ) per model, with the spotlight cone at `sweep` (radians). */
export function SrmPolar({ models, epsilon, sweep, signed, testId }: { models: ModelAnalysis[]; epsilon: number; sweep: number; signed: boolean; testId?: string }) {
  const c = POLAR / 2;
  const R = c - 34;
  let max = 0;
  for (const m of models) for (const v of m.curve) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max * 1.1 : 1;
  const rOf = (v: number) => (signed ? (R / 2) * (1 + v / scale) : (R * Math.max(0, v)) / scale);
  const half = Math.acos(Math.min(1, epsilon));
  const cone = (a: number) => `M${c},${c} L${c + R * Math.cos(a - half)},${c - R * Math.sin(a - half)} A${R},${R} 0 ${2 * half > Math.PI ? 1 : 0} 0 ${c + R * Math.cos(a + half)},${c - R * Math.sin(a + half)} Z`;
  const sweepIndex = Math.round((((sweep % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI)) / (2 * Math.PI) * 360) % 360;
  return (
    <svg width={POLAR} height={POLAR} viewBox={`0 0 ${POLAR} ${POLAR}`} role="img" aria-label="polar SRM plot" data-testid={testId}>
      <rect width={POLAR} height={POLAR} fill="#ffffff" />
      {[0.25, 0.5, 0.75, 1].map((f) => <circle key={f} cx={c} cy={c} r={R * f} fill="none" stroke={GRID} />)}
      {[0, 1, 2, 3].map((q) => (
        <line key={q} x1={c} y1={c} x2={c + R * Math.cos((q * Math.PI) / 2)} y2={c - R * Math.sin((q * Math.PI) / 2)} stroke={FAINT} strokeDasharray="3 3" />
      ))}
      {['bᵢ', 'b⊥', '−bᵢ', '−b⊥'].map((t, q) => (
        <text key={t} x={c + (R + 16) * Math.cos((q * Math.PI) / 2)} y={c - (R + 16) * Math.sin((q * Math.PI) / 2)} dy="0.32em" textAnchor="middle" fontFamily={CHART_FONT} fontSize={10} fill={INK}>{t}</text>
      ))}
      <path d={cone(sweep)} fill="#f2c14e" fillOpacity={0.25} stroke="#d9a000" strokeWidth={0.8} data-testid="spotlight-cone" />
      {models.map((m, g) => {
        const pts = Array.from(m.curve, (v, i) => {
          const a = (2 * Math.PI * i) / m.curve.length;
          const r = rOf(v);
          return `${(c + r * Math.cos(a)).toFixed(2)},${(c - r * Math.sin(a)).toFixed(2)}`;
        });
        return <path key={m.name} d={`M${pts.join('L')}Z`} fill="none" stroke={indexColor(g, Math.max(models.length, 2))} strokeWidth={1.6} data-testid="srm-curve" data-model={m.name} />;
      })}
      <text x={6} y={14} fontFamily={CHART_FONT} fontSize={10} fill={INK}>{`ε = ${epsilon.toFixed(2)} (cone ±${((half * 180) / Math.PI).toFixed(0)}°), outer ring = ${scale.toPrecision(2)}`}</text>
      {models.map((m, g) => (
        <text key={m.name} x={6} y={POLAR - 8 - 13 * (models.length - 1 - g)} fontFamily={CHART_FONT} fontSize={10} fill={indexColor(g, Math.max(models.length, 2))}>
          {`${m.name}: SRM(${sweepIndex}°) = ${fixed(m.curve[sweepIndex] ?? NaN, 4)}, index ${fixed(m.index, 2)}`}
        </text>
      ))}
    </svg>
  );
}

const CELL = 170;

/** PPPM density ratio (to the isotropic volume) per model, one small multiple each, log colour scale. */
export function PppmImages({ models, testId }: { models: ModelAnalysis[]; testId?: string }) {
  const W = CELL * Math.max(1, models.length);
  const H = CELL + 34;
  const color = (r: number) => interpolateRdBu(0.5 - Math.max(-1, Math.min(1, Math.log2(Math.max(r, 1e-3)) / 3)) / 2);
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label="PPPM density" data-testid={testId}>
      <rect width={W} height={H} fill="#ffffff" />
      {models.map((m, g) => {
        const p = m.pppm;
        const x0 = g * CELL + 8;
        const size = CELL - 16;
        if (!p) return <text key={m.name} x={x0} y={40} fontFamily={CHART_FONT} fontSize={10} fill={INK}>plane undefined</text>;
        const cs = size / p.grid;
        return (
          <g key={m.name} data-testid="pppm-image" data-kept={p.kept}>
            {Array.from(p.ratio, (r, idx) => {
              if (!Number.isFinite(r)) return null;
              const gx = idx % p.grid;
              const gy = Math.floor(idx / p.grid);
              return <rect key={idx} x={x0 + gx * cs} y={8 + (p.grid - 1 - gy) * cs} width={cs + 0.3} height={cs + 0.3} fill={color(r)} />;
            })}
            <circle cx={x0 + size / 2} cy={8 + size / 2} r={size / 2} fill="none" stroke={FAINT} />
            <text x={x0} y={size + 22} fontFamily={CHART_FONT} fontSize={10} fill={indexColor(g, Math.max(models.length, 2))}>{`${m.name} · plane ${m.plane.join('-')}`}</text>
            <text x={x0} y={size + 34} fontFamily={CHART_FONT} fontSize={9} fill={INK}>{`${p.kept}/${p.total} kept`}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** Normalised latents projected on the chosen plane, the cone at `sweep` drawn, points in it highlighted. */
export function LatentScatter({ models, epsilon, sweep, labels }: { models: ModelAnalysis[]; epsilon: number; sweep: number; labels: Float32Array | null }) {
  const W = CELL * Math.max(1, models.length);
  const H = CELL + 20;
  const half = Math.acos(Math.min(1, epsilon));
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label="latent scatter">
      <rect width={W} height={H} fill="#ffffff" />
      {models.map((m, g) => {
        const size = CELL - 16;
        const cx = g * CELL + 8 + size / 2;
        const cy = 8 + size / 2;
        const R = size / 2;
        const sx = Math.cos(sweep);
        const sy = Math.sin(sweep);
        const wedge = `M${cx},${cy} L${cx + R * Math.cos(sweep - half)},${cy - R * Math.sin(sweep - half)} A${R},${R} 0 0 0 ${cx + R * Math.cos(sweep + half)},${cy - R * Math.sin(sweep + half)} Z`;
        const pts = [];
        const n = Math.min(m.x.length, 512);
        for (let i = 0; i < n; i++) {
          const inCone = m.x[i]! * sx + m.y[i]! * sy >= epsilon;
          const fill = inCone ? '#d62728' : labels ? indexColor(labels[i] ?? 0, 10) : '#777777';
          pts.push(<circle key={i} cx={cx + R * m.x[i]!} cy={cy - R * m.y[i]!} r={inCone ? 2.2 : 1.4} fill={fill} fillOpacity={inCone ? 1 : 0.5} />);
        }
        return (
          <g key={m.name}>
            <circle cx={cx} cy={cy} r={R} fill="none" stroke={FAINT} />
            <circle cx={cx} cy={cy} r={R * epsilon} fill="none" stroke={FAINT} strokeDasharray="2 3" />
            <path d={wedge} fill="#f2c14e" fillOpacity={0.2} stroke="#d9a000" strokeWidth={0.6} />
            {pts}
            <text x={g * CELL + 8} y={H - 4} fontFamily={CHART_FONT} fontSize={10} fill={indexColor(g, Math.max(models.length, 2))}>{m.name}</text>
          </g>
        );
      })}
    </svg>
  );
}

const QW = 340;
const QH = 240;
const QM = { top: 14, right: 16, bottom: 40, left: 52 };

/** Quantisation index against reconstruction error, one point per activation, with its trail. */
export function QuantisationChart({ models, trails }: { models: ModelAnalysis[]; trails: Map<string, Array<[number, number]>> }) {
  const all: Array<[number, number]> = [];
  for (const t of trails.values()) for (const p of t) if (Number.isFinite(p[0]) && Number.isFinite(p[1])) all.push(p);
  for (const m of models) if (Number.isFinite(m.reconstruction) && Number.isFinite(m.index)) all.push([m.reconstruction, m.index]);
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const x = scaleLinear().domain(xs.length ? [Math.min(...xs) * 0.95, Math.max(...xs) * 1.05] : [0, 0.1]).range([QM.left, QW - QM.right]).nice();
  const y = scaleLinear().domain([Math.min(0.8, ...ys), Math.max(2, ...ys) * 1.05]).range([QH - QM.bottom, QM.top]).nice();
  return (
    <svg width={QW} height={QH} viewBox={`0 0 ${QW} ${QH}`} role="img" aria-label="quantisation index against reconstruction error">
      <rect width={QW} height={QH} fill="#ffffff" />
      <line x1={QM.left} x2={QW - QM.right} y1={y(1)} y2={y(1)} stroke={FAINT} strokeDasharray="3 3" />
      <Axis orient="bottom" scale={x} ticks={linearTicks(x, 4)} position={QH - QM.bottom} range={[QM.left, QW - QM.right]} label="reconstruction error (MSE)" />
      <Axis orient="left" scale={y} ticks={linearTicks(y, 5)} position={QM.left} range={[QH - QM.bottom, QM.top]} label="quantisation index" />
      {models.map((m, g) => {
        const col = indexColor(g, Math.max(models.length, 2));
        const t = (trails.get(m.name) ?? []).filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
        return (
          <g key={m.name}>
            {t.length > 1 ? <path d={`M${t.map((p) => `${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join('L')}`} fill="none" stroke={col} strokeOpacity={0.4} /> : null}
            {Number.isFinite(m.index) && Number.isFinite(m.reconstruction) ? (
              <circle cx={x(m.reconstruction)} cy={y(m.index)} r={5} fill={col} stroke={INK} strokeWidth={0.6} data-testid="qi-point" data-model={m.name} data-index={m.index.toFixed(4)}>
                <title>{`${m.name}: index ${m.index.toFixed(3)}, MSE ${m.reconstruction.toFixed(4)}`}</title>
              </circle>
            ) : null}
            <text x={QW - QM.right} y={QM.top + 12 * g + 8} textAnchor="end" fontFamily={CHART_FONT} fontSize={10} fill={col}>{`${m.name} ${fixed(m.index, 2)}`}</text>
          </g>
        );
      })}
    </svg>
  );
}
