import { createElement, memo, useEffect, useMemo, useRef, useState, type ComponentType, type ReactElement } from 'react';
import type { NamedTensor, Snapshot } from '../../../engine/lab';
import { decodeWords } from '../analysis';

/** The latest snapshot, but at most every `ms` milliseconds (heavy views redraw less often). */
export function useThrottled<T>(value: T, ms: number): T {
  const [held, setHeld] = useState(value);
  const last = useRef(0);
  const latest = useRef(value);
  latest.current = value;
  useEffect(() => {
    const now = performance.now();
    const wait = last.current + ms - now;
    if (wait <= 0) {
      last.current = now;
      setHeld(value);
      return;
    }
    const id = setTimeout(() => {
      last.current = performance.now();
      setHeld(latest.current);
    }, wait);
    return () => clearTimeout(id);
  }, [value, ms]);
  return held;
}

/**
 * `View` drawn from the snapshot held by useThrottled, and not rendered at all in between: snapshots
 * arrive up to 30 times a second, and rendering thousands of points again only for React to find
 * nothing changed took bows' page a sixth of a core (the other props must keep their identity).
 */
export function throttledView<P extends { snapshot: BowsSnapshot | null }>(View: ComponentType<P>, ms: number): (props: P) => ReactElement {
  const Held = memo(View);
  function Throttled(props: P): ReactElement {
    const snapshot = useThrottled(props.snapshot, ms);
    return createElement(Held, { ...props, snapshot });
  }
  Throttled.displayName = `Throttled(${View.displayName ?? View.name})`;
  return Throttled;
}

/**
 * A snapshot with its run's constant data (vocabulary, the data-side cycle read-outs, the PMI pairs)
 * beside it: what the bows views read.
 */
export type BowsSnapshot = Snapshot & { staticData: Readonly<Record<string, NamedTensor>> };

export function withStatic(snapshot: Snapshot | null, staticData: Readonly<Record<string, NamedTensor>>): BowsSnapshot | null {
  return snapshot ? { ...snapshot, staticData } : null;
}

/** The vocabulary of a run (decoded once per vocabulary). */
export function useWords(snapshot: BowsSnapshot | null): string[] {
  const codes = snapshot?.staticData.vocab?.data ?? null;
  const key = codes ? `${codes.length}:${codes[0]}:${codes[codes.length - 1]}` : '';
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => (codes ? decodeWords(codes) : []), [key]);
}

export interface WeightView {
  m: number;
  V: number;
  data: Float32Array;
}

export function snapshotW(snapshot: Snapshot | null): WeightView | null {
  const w = snapshot?.weights.W;
  if (!w || w.shape.length !== 2) return null;
  return { m: w.shape[0]!, V: w.shape[1]!, data: w.data };
}

/** A read-out of the analysis, or else of the run's constant data. */
export function tensorData(snapshot: BowsSnapshot | null, key: string): Float32Array | null {
  return (snapshot?.analysis?.[key] ?? snapshot?.staticData[key])?.data ?? null;
}
