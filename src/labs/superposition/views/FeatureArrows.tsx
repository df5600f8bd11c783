import { useMemo } from 'react';
import { columnNorms } from '../../../analysis/dimensionality';
import type { LabViewProps } from '../../../ui/lab-view-types';
import { ViewPanel } from '../../../ui/ViewPanel';
import { Arrow } from '../../../ui/charts/Arrow';
import { ChartPlaceholder } from '../../../ui/charts/ChartPlaceholder';
import { finiteExtent } from '../../../ui/charts/finite';
import { indexColor } from '../../../ui/charts/indexColor';
import { CHART_FONT, FAINT, GRID, INK } from '../../../ui/charts/style';
import { projectColumns } from './projection';
import { useDragAngles, type Angles } from './useDragAngles';
import { snapshotWeights } from './weights';
import { SUPERPOSITION_ABOUT } from './about';

const SIZE = 320;
const PAD = 22;
/** Features with a smaller norm are drawn as dots, not arrows. */
const MIN_ARROW_NORM = 0.05;

const angle = (v: string | undefined) => {
  const a = Number(v ?? '0');
  return Number.isFinite(a) ? a : 0;
};

interface Feature {
  i: number;
  norm: number;
  /** Pixel start and end of the arrow. */
  from: [number, number];
  to: [number, number];
}

type Props = Pick<LabViewProps, 'snapshot' | 'viewState' | 'setViewState'>;

export function FeatureArrows({ snapshot, viewState, setViewState }: Props) {
  const w = useMemo(() => snapshotWeights(snapshot), [snapshot]);
  const committed = useMemo<Angles>(() => ({ rx: angle(viewState.rx), ry: angle(viewState.ry) }), [viewState.rx, viewState.ry]);
  const { angles, handlers } = useDragAngles(committed, (a) => {
    setViewState('rx', a.rx.toFixed(3));
    setViewState('ry', a.ry.toFixed(3));
  });
  const m = w?.rows ?? 0;
  const rotating = m > 2;
  const rx = rotating ? angles.rx : 0;
  const ry = rotating ? angles.ry : 0;

  const norms = useMemo(() => (w ? columnNorms(w) : []), [w]);
  const domain = useMemo(() => Math.max(1.5, 1.1 * (finiteExtent(norms)?.[1] ?? 0)), [norms]);
  const projected = useMemo(() => (w ? projectColumns(w, rx, ry) : []), [w, rx, ry]);

  const c = SIZE / 2;
  const radius = c - PAD;
  const px = (v: number) => c + (v / domain) * radius;
  const n = projected.length;

  const features = useMemo<Feature[]>(() => {
    const toX = (v: number) => c + (v / domain) * radius;
    const toY = (v: number) => c - (v / domain) * radius;
    const gap = Math.min(14, (SIZE - 2 * PAD) / Math.max(1, n));
    return projected.map(([x, y], i) => {
      const off = m === 1 ? (i - (n - 1) / 2) * gap : 0;
      const to: [number, number] = m === 1 ? [toX(x), c + off] : [toX(x), toY(y)];
      return { i, norm: norms[i] ?? NaN, from: [c, c + off], to };
    });
  }, [projected, norms, m, n, domain, c, radius]);

  if (!w) {
    return (
      <ViewPanel id="arrows" about={SUPERPOSITION_ABOUT.arrows} title="Feature directions">
        <ChartPlaceholder width={SIZE} height={SIZE} />
      </ViewPanel>
    );
  }

  return (
    <ViewPanel
      id="arrows"
      about={SUPERPOSITION_ABOUT.arrows}
      title="Feature directions"
      caption={rotating ? 'drag (or focus it and press the arrow keys) to rotate' : undefined}
    >
      <svg
        width={SIZE}
        height={SIZE}
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={`feature directions of ${n} features in ${m} dimensions${rotating ? '; drag or use the arrow keys to rotate' : ''}`}
        tabIndex={rotating ? 0 : undefined}
        data-testid="arrows-svg"
        style={rotating ? { cursor: 'grab', touchAction: 'none' } : undefined}
        {...(rotating ? handlers : {})}
      >
        <rect width={SIZE} height={SIZE} fill="#ffffff" />
        <line x1={PAD} x2={SIZE - PAD} y1={c} y2={c} stroke={GRID} />
        {m >= 2 ? <line x1={c} x2={c} y1={PAD} y2={SIZE - PAD} stroke={GRID} /> : null}
        {m >= 2 ? (
          <circle cx={c} cy={c} r={radius / domain} fill="none" stroke={FAINT} strokeDasharray="3 3" />
        ) : (
          [-1, 1].map((v) => <line key={v} x1={px(v)} x2={px(v)} y1={PAD} y2={SIZE - PAD} stroke={FAINT} strokeDasharray="3 3" />)
        )}
        {features.map((f) => (
          <FeatureMark key={f.i} feature={f} n={n} />
        ))}
        {rotating ? (
          <text x={PAD - 14} y={SIZE - 6} fontFamily={CHART_FONT} fontSize={9} fill="#888888">
            {`projection of ${m}D (rx ${rx.toFixed(2)}, ry ${ry.toFixed(2)})`}
          </text>
        ) : null}
      </svg>
    </ViewPanel>
  );
}

function FeatureMark({ feature, n }: { feature: Feature; n: number }) {
  const { i, norm, from, to } = feature;
  if (![...from, ...to].every(Number.isFinite)) return null;
  const color = indexColor(i, n);
  const title = <title>{`feature ${i}: ‖W_${i}‖ = ${Number.isFinite(norm) ? norm.toFixed(3) : 'NaN'}`}</title>;
  if (!(norm > MIN_ARROW_NORM)) {
    return (
      <circle cx={to[0]} cy={to[1]} r={3} fill={color} stroke={INK} strokeWidth={0.5}>
        {title}
      </circle>
    );
  }
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  const len = Math.hypot(dx, dy);
  const lx = len > 1e-6 ? to[0] + (dx / len) * 10 : to[0] + 6;
  const ly = len > 1e-6 ? to[1] + (dy / len) * 10 : to[1] - 6;
  return (
    <Arrow x1={from[0]} y1={from[1]} x2={to[0]} y2={to[1]} color={color} testId="feature-arrow">
      {title}
      <text x={lx} y={ly} dy="0.32em" textAnchor="middle" fontFamily={CHART_FONT} fontSize={11} fill={color}>
        {i}
      </text>
    </Arrow>
  );
}
