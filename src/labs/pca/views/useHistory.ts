import { useMemo, useRef } from 'react';
import { decimate } from '../../../ui/charts/decimate';

const MAX_HISTORY = 2000;

/** (step, value) pairs gathered from successive snapshots; a step going back starts a new history. */
export function useHistory(step: number | null, value: number | null): Array<[number, number]> {
  const history = useRef<Array<[number, number]>>([]);
  return useMemo(() => {
    const h = history.current;
    if (step === null || value === null || !Number.isFinite(value)) return h.slice();
    if (h.length && h[h.length - 1]![0] > step) h.length = 0;
    if (!h.length || h[h.length - 1]![0] < step) h.push([step, value]);
    if (h.length > MAX_HISTORY) history.current = decimate(h, MAX_HISTORY / 2);
    return history.current.slice();
  }, [step, value]);
}
