import { useEffect } from 'react';
import { goTo } from '../tours/controller';
import { useTour } from '../tours/store';
import { typingInto } from './useShortcuts';

/** Tour keys, as presenter clickers send them: → / Page Down next step, ← / Page Up previous (listed in SHORTCUTS). */
export function tourDirection(key: string): -1 | 0 | 1 {
  if (key === 'ArrowRight' || key === 'PageDown') return 1;
  if (key === 'ArrowLeft' || key === 'PageUp') return -1;
  return 0;
}

export function useTourKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { tour, index } = useTour.getState();
      if (!tour || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey || typingInto(e.target)) return;
      // A focused slider keeps its arrow keys.
      if (e.target instanceof HTMLInputElement && e.target.type === 'range') return;
      const direction = tourDirection(e.key);
      if (!direction) return;
      e.preventDefault();
      // A held key would boot run after run.
      if (e.repeat) return;
      goTo(index + direction);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
