import { useEffect } from 'react';
import { reset, setLecture, stepOnce, togglePlay } from '../state/controller';
import { useLab } from '../state/store';
import { useTour } from '../tours/store';

export const SHORTCUTS: ReadonlyArray<{ keys: string; action: string }> = [
  { keys: 'Space', action: 'play / pause' },
  { keys: '→', action: 'one step (when paused; during a tour, the next tour step)' },
  { keys: '← / →, Page Up / Down', action: 'previous / next tour step (during a tour)' },
  { keys: 'r', action: 'reset the run' },
  { keys: 'f', action: 'full screen' },
  { keys: 'l', action: 'lecture mode: large type, high contrast' },
  { keys: '?', action: 'this help' },
  { keys: 'Esc', action: 'close help' },
];

/** True when the key belongs to what has focus (a text field, a select); shared with the tour keys. */
export function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['range', 'checkbox', 'button'].includes(target.type);
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingInto(e.target)) return;
      switch (e.key) {
        case ' ':
          e.preventDefault();
          togglePlay();
          break;
        case 'ArrowRight':
          if (e.target instanceof HTMLInputElement && e.target.type === 'range') return;
          // During a tour → is the next step (useTourKeys).
          if (useTour.getState().tour) return;
          e.preventDefault();
          stepOnce();
          break;
        case 'r':
          reset();
          break;
        case 'f':
          if (document.fullscreenElement) void document.exitFullscreen();
          else void document.documentElement.requestFullscreen?.().catch(() => {});
          break;
        case 'l':
          setLecture(!useLab.getState().lecture);
          break;
        case '?':
          useLab.setState((s) => ({ helpOpen: !s.helpOpen }));
          break;
        case 'Escape':
          useLab.setState({ helpOpen: false });
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
