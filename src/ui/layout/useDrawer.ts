import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export interface Drawer {
  /** The sidebar is a drawer now (a phone, a small window, or one view shown full size). */
  active: boolean;
  open: boolean;
  toggle: () => void;
  close: () => void;
  toggleRef: RefObject<HTMLButtonElement | null>;
  panelRef: RefObject<HTMLDivElement | null>;
}

const FOCUSABLE =
  'button:not([disabled]), select:not([disabled]), input:not([disabled]), textarea, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * The sidebar as a drawer: a button toggles it, Escape closes it. Opening moves the keyboard focus
 * to its first control; closing gives it back to the button.
 */
export function useDrawer(active: boolean): Drawer {
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    toggleRef.current?.focus();
  }, []);
  const toggle = useCallback(() => setOpen((o) => !o), []);

  useEffect(() => {
    if (!active) setOpen(false);
  }, [active]);

  useEffect(() => {
    if (!active || !open) return;
    panelRef.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, open, close]);

  return { active, open: active && open, toggle, close, toggleRef, panelRef };
}
