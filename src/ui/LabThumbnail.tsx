/**
 * A small drawn thumbnail of each lab's signature picture for the landing page (decorative: the
 * card's title and text say the same, so it is hidden from screen readers).
 */
import type { ReactElement } from 'react';

const S = 96;
const C = S / 2;
const INK = '#334';
const ACCENT = '#2b6cb0';

const polar = (r: number, a: number): [number, number] => [C + r * Math.cos(a), C - r * Math.sin(a)];

function Superposition() {
  // Five features in two dimensions: the pentagon.
  return (
    <>
      {Array.from({ length: 5 }, (_, i) => {
        const [x, y] = polar(38, Math.PI / 2 + (2 * Math.PI * i) / 5);
        return <line key={i} x1={C} y1={C} x2={x} y2={y} stroke={ACCENT} strokeWidth={3} strokeLinecap="round" />;
      })}
    </>
  );
}

function Capacity() {
  // Capacities falling with importance: monosemantic, polysemantic, ignored.
  const c = [1, 1, 1, 0.7, 0.5, 0.35, 0.2, 0.05, 0, 0];
  return (
    <>
      {c.map((v, i) => (
        <rect
          key={i}
          x={8 + i * 8.2}
          y={86 - v * 70}
          width={6}
          height={Math.max(1, v * 70)}
          fill={v >= 0.9 ? ACCENT : v > 0.1 ? '#d69e2e' : '#bbb'}
        />
      ))}
    </>
  );
}

function Spotlight() {
  // An SRM curve peaking at the four axis directions.
  const pts = Array.from({ length: 121 }, (_, i) => {
    const a = (2 * Math.PI * i) / 120;
    return polar(14 + 28 * Math.abs(Math.cos(2 * a)) ** 6, a)
      .map((v) => v.toFixed(1))
      .join(',');
  });
  return (
    <>
      <circle cx={C} cy={C} r={42} fill="none" stroke="#ccc" />
      <polygon points={pts.join(' ')} fill={ACCENT} fillOpacity={0.25} stroke={ACCENT} strokeWidth={2} />
    </>
  );
}

function Bows() {
  // Twelve months closing into a ring, in calendar order.
  const pts = Array.from({ length: 12 }, (_, i) => polar(34, Math.PI / 2 - (2 * Math.PI * i) / 12));
  return (
    <>
      <polygon points={pts.map((p) => p.join(',')).join(' ')} fill="none" stroke="#bbb" />
      {pts.map(([x, y], i) => (
        <circle key={i} cx={x} cy={y} r={4} fill={`hsl(${i * 30}, 65%, 50%)`} />
      ))}
    </>
  );
}

function Bias() {
  // The simple bit takes most of the variance; the XOR, equally well computed, little.
  return (
    <>
      <rect x={22} y={16} width={20} height={70} fill={ACCENT} />
      <rect x={56} y={78} width={20} height={8} fill="#d69e2e" />
      <line x1={12} x2={86} y1={86} y2={86} stroke={INK} />
    </>
  );
}

function Intertwiner() {
  // Neuron correlations after matching: a bright diagonal.
  const n = 8;
  const w = 80 / n;
  return (
    <>
      {Array.from({ length: n * n }, (_, k) => {
        const i = Math.floor(k / n);
        const j = k % n;
        return <rect key={k} x={8 + j * w} y={8 + i * w} width={w - 1} height={w - 1} fill={i === j ? ACCENT : '#e6ecf5'} />;
      })}
    </>
  );
}

function Pca() {
  // A Gaussian cloud's ellipse and its first principal axis.
  return (
    <>
      <ellipse cx={48} cy={48} rx={36} ry={14} transform="rotate(-30 48 48)" fill="#e6ecf5" stroke={ACCENT} />
      <line x1={17} y1={66} x2={79} y2={30} stroke={ACCENT} strokeWidth={2.5} />
      <line x1={41} y1={36} x2={55} y2={60} stroke={INK} strokeDasharray="3 2" />
    </>
  );
}

const DRAWINGS: Record<string, () => ReactElement> = {
  superposition: Superposition,
  capacity: Capacity,
  spotlight: Spotlight,
  bows: Bows,
  bias: Bias,
  intertwiner: Intertwiner,
  pca: Pca,
};

export function LabThumbnail({ id }: { id: string }) {
  const Drawing = DRAWINGS[id];
  if (!Drawing) return null;
  return (
    <svg className="lab-thumb" width={S} height={S} viewBox={`0 0 ${S} ${S}`} aria-hidden="true" data-testid={`thumb-${id}`}>
      <rect width={S} height={S} rx={6} fill="#fff" stroke="#dde" />
      <Drawing />
    </svg>
  );
}
