import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

export interface Angles {
  rx: number;
  ry: number;
}

/** Radians per dragged pixel. */
const SPEED = 0.01;
/** Radians per arrow key press (the keyboard's way to rotate). */
const KEY_STEP = 0.1;
const KEY_TURNS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

const wrap = (a: number) => Math.atan2(Math.sin(a), Math.cos(a));

/**
 * Rotation angles driven by dragging: smooth local state while the pointer is down, committed
 * once on pointer-up. The committed value shows again as soon as it changes.
 */
export function useDragAngles(committed: Angles, commit: (a: Angles) => void) {
  const [local, setLocal] = useState<Angles | null>(null);
  const start = useRef<{ x: number; y: number; from: Angles } | null>(null);

  useEffect(() => {
    if (!start.current) setLocal(null);
  }, [committed.rx, committed.ry]);

  const at = (e: PointerEvent<Element>): Angles | null => {
    const s = start.current;
    if (!s) return null;
    return { rx: wrap(s.from.rx + (e.clientX - s.x) * SPEED), ry: wrap(s.from.ry + (e.clientY - s.y) * SPEED) };
  };

  const handlers = {
    onPointerDown: (e: PointerEvent<Element>) => {
      e.currentTarget.setPointerCapture?.(e.pointerId);
      const from = local ?? committed;
      start.current = { x: e.clientX, y: e.clientY, from };
      setLocal(from);
    },
    onPointerMove: (e: PointerEvent<Element>) => {
      const a = at(e);
      if (a) setLocal(a);
    },
    onPointerUp: (e: PointerEvent<Element>) => {
      const a = at(e);
      start.current = null;
      if (!a) return;
      setLocal(a);
      commit(a);
    },
  };
  /** Arrow keys rotate like a drag of 10 px and commit at once; the page's own → shortcut is not fired. */
  const onKeyDown = (e: KeyboardEvent<Element>) => {
    const turn = KEY_TURNS[e.key];
    if (!turn || start.current) return;
    e.preventDefault();
    e.stopPropagation();
    const from = local ?? committed;
    const a = { rx: wrap(from.rx + turn[0] * KEY_STEP), ry: wrap(from.ry + turn[1] * KEY_STEP) };
    setLocal(a);
    commit(a);
  };
  return { angles: local ?? committed, handlers: { ...handlers, onPointerCancel: handlers.onPointerUp, onKeyDown } };
}
