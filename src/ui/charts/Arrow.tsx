import type { ReactNode } from 'react';

/**
 * An arrow from (x1, y1) to (x2, y2) in pixels: a line and a filled head, without <marker>
 * so the exported SVG keeps its colours. Extra props (e.g. data-testid) go on the group.
 */
export function Arrow(props: {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width?: number;
  head?: number;
  testId?: string;
  children?: ReactNode;
}) {
  const { x1, y1, x2, y2, color } = props;
  const head = props.head ?? 8;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy);
  let headPath: string | null = null;
  let tipX = x2;
  let tipY = y2;
  if (len > 1e-6) {
    const ux = dx / len;
    const uy = dy / len;
    const h = Math.min(head, len * 0.6);
    const bx = x2 - ux * h;
    const by = y2 - uy * h;
    const px = -uy * h * 0.45;
    const py = ux * h * 0.45;
    headPath = `M${x2},${y2}L${bx + px},${by + py}L${bx - px},${by - py}Z`;
    tipX = bx;
    tipY = by;
  }
  return (
    <g data-testid={props.testId}>
      <line x1={x1} y1={y1} x2={tipX} y2={tipY} stroke={color} strokeWidth={props.width ?? 2} strokeLinecap="round" />
      {headPath ? <path d={headPath} fill={color} stroke="none" /> : null}
      {props.children}
    </g>
  );
}
