import { scaleLinear } from 'd3';
import { ViewPanel } from '../../../ui/ViewPanel';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { Axis } from '../../../ui/charts/Axis';
import { linearTicks } from '../../../ui/charts/ticks';
import { finiteExtent } from '../../../ui/charts/finite';
import { indexColor } from '../../../ui/charts/indexColor';
import { CHART_FONT, FAINT, INK } from '../../../ui/charts/style';
import { cycleTensor } from '../constants';
import { snapshotStats } from '../metrics';
import { tensorData, type BowsSnapshot } from './shared';
import { BOWS_ABOUT } from './about';

const W = 520;
const H = 250;
const PLANE = 200;
const MODEL_COLOR = '#1f77b4';
const DATA_COLOR = '#d62728';

/**
 * Beside a cycle view: the same cycle read from the data alone (the items' positive-PMI rows
 * against the whole vocabulary, L2-normalised, in their top-2 PCA plane, with the same cycle
 * order score), and similarity against cyclic (calendar) distance for the model (cosine of W
 * columns) and the data (mean PMI), which shows calendar structure even where no ring closes.
 */
export function CycleData({
  snapshot,
  cycle,
  words,
  modelScore,
}: {
  snapshot: BowsSnapshot | null;
  cycle: string;
  words: readonly string[];
  modelScore: number;
}) {
  const xy = tensorData(snapshot, cycleTensor(cycle, 'dataXY'));
  const simModel = tensorData(snapshot, cycleTensor(cycle, 'simModel'));
  const simPmi = tensorData(snapshot, cycleTensor(cycle, 'simDataPmi'));
  const id = `bows-cycle-data-${cycle}`;
  const title = `${cycle}: model against data`;
  if (!xy || !simModel || !simPmi || xy.length < 6) {
    return (
      <ViewPanel id={id} about={BOWS_ABOUT['cycle-data']} title={title}>
        <ChartPlaceholder width={W} height={H} text={snapshot ? `Fewer than 3 ${cycle} items in the vocabulary` : 'Press play'} />
      </ViewPanel>
    );
  }
  const n = xy.length / 2;
  const dataScore = scoreOf(snapshot, cycle);
  // Data plane.
  let ext = 1e-9;
  for (const v of xy) ext = Math.max(ext, Math.abs(v));
  const px = scaleLinear()
    .domain([-ext, ext])
    .range([20, PLANE - 10]);
  const py = scaleLinear()
    .domain([-ext, ext])
    .range([H - 30, 30]);
  const pts = Array.from({ length: n }, (_, k) => [px(xy[2 * k]!), py(xy[2 * k + 1]!)] as const);
  const path = pts.map(([a, b], k) => `${k === 0 ? 'M' : 'L'}${a.toFixed(1)},${b.toFixed(1)}`).join('') + 'Z';
  // Similarity curves: model cosine on the left axis, data PMI on the right.
  const D = simModel.length;
  const x0 = PLANE + 50;
  const x1 = W - 45;
  const sx = scaleLinear()
    .domain([1, Math.max(2, D)])
    .range([x0, x1]);
  const sm = scaleLinear()
    .domain([-1, 1])
    .range([H - 30, 20]);
  const pe = finiteExtent(simPmi) ?? [-1, 1];
  const pad = Math.max(1e-6, 0.1 * (pe[1] - pe[0]));
  const sp = scaleLinear()
    .domain([pe[0] - pad, pe[1] + pad])
    .range([H - 30, 20]);
  const line = (vals: Float32Array, s: (v: number) => number) =>
    Array.from(vals)
      .map((v, k) => (Number.isFinite(v) ? `${sx(k + 1).toFixed(1)},${s(v).toFixed(1)}` : null))
      .filter((p): p is string => p !== null)
      .map((p, k) => `${k === 0 ? 'M' : 'L'}${p}`)
      .join('');
  const distTicks = Array.from({ length: D }, (_, k) => ({ value: k + 1, label: String(k + 1) }));
  return (
    <ViewPanel
      id={id}
      about={BOWS_ABOUT['cycle-data']}
      title={title}
      caption={
        <span data-testid={`cycle-data-status-${cycle}`}>
          {`cycle order score: model ${fmt(modelScore)}, data ${fmt(dataScore)} (chance ≈ ${(2 / Math.max(1, n - 1)).toFixed(2)}). `}
          Left: the {cycle} read from the data alone (their PMI rows, L2-normalised, top-2 PCA). Right: similarity against calendar distance
          — the model’s cosine (blue, left axis) and the data’s mean PMI (red, right axis).
          {cycle === 'months'
            ? ' The 12-month ring needs narrative text such as Wikipedia (bring your own: data=own); Brown paragraphs and mail windows carry only part of it.'
            : ''}
        </span>
      }
    >
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${cycle} in the data and similarity by distance`}>
        <rect width={W} height={H} fill="#ffffff" />
        <text x={8} y={14} fontFamily={CHART_FONT} fontSize={10} fill={INK}>{`data · score ${fmt(dataScore)}`}</text>
        <path d={path} fill="none" stroke={INK} strokeOpacity={0.5} />
        {pts.map(([a, b], k) => (
          <g key={k}>
            <circle cx={a} cy={b} r={3.5} fill={indexColor(k, n)} stroke={INK} strokeWidth={0.5} />
            <text x={a + 5} y={b - 5} fontFamily={CHART_FONT} fontSize={9} fill={INK}>
              {words[k] ?? ''}
            </text>
          </g>
        ))}
        <line x1={x0} x2={x1} y1={sm(0)} y2={sm(0)} stroke={FAINT} />
        <Axis orient="bottom" scale={sx} ticks={distTicks} position={H - 30} range={[x0, x1]} label="calendar distance" />
        <Axis orient="left" scale={sm} ticks={linearTicks(sm, 5)} position={x0} range={[H - 30, 20]} />
        <g transform={`translate(${x1},0)`} fontFamily={CHART_FONT} fontSize={9} fill={DATA_COLOR}>
          <line y1={20} y2={H - 30} stroke={DATA_COLOR} />
          {linearTicks(sp, 5).map((t) => (
            <text key={t.value} x={4} y={sp(t.value) + 3}>
              {t.label}
            </text>
          ))}
        </g>
        <path d={line(simModel, sm)} fill="none" stroke={MODEL_COLOR} strokeWidth={2} />
        <path d={line(simPmi, sp)} fill="none" stroke={DATA_COLOR} strokeWidth={2} strokeDasharray="5,3" />
        <text x={x0 + 4} y={16} fontFamily={CHART_FONT} fontSize={10} fill={MODEL_COLOR}>
          model cos
        </text>
        <text x={x1 - 50} y={16} fontFamily={CHART_FONT} fontSize={10} fill={DATA_COLOR}>
          data PMI
        </text>
      </svg>
    </ViewPanel>
  );
}

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '—');

/** The data-side cycle score the worker put in the stats (headline cycle or weekdays). */
function scoreOf(snapshot: BowsSnapshot | null, cycle: string): number {
  const stats = snapshotStats(snapshot);
  if (!stats) return NaN;
  return cycle === 'weekdays' ? stats.dataWeekdayCycleOrderScore : stats.dataCycleOrderScore;
}
