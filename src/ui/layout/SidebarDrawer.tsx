import type { ReactNode } from 'react';
import type { Drawer } from './useDrawer';

export const DRAWER_ID = 'sidebar-drawer';

/** The button in the header that opens and closes the parameters drawer (shown only when it is one). */
export function DrawerToggle({ drawer }: { drawer: Drawer }) {
  if (!drawer.active) return null;
  return (
    <button
      type="button"
      ref={drawer.toggleRef}
      className="drawer-toggle"
      data-testid="drawer-toggle"
      aria-expanded={drawer.open}
      aria-controls={DRAWER_ID}
      onClick={drawer.toggle}
    >
      ☰ Parameters
    </button>
  );
}

/** Holds the sidebar: a column beside the views, or a drawer over them. */
export function SidebarDrawer({ drawer, children }: { drawer: Drawer; children: ReactNode }) {
  const closed = drawer.active && !drawer.open;
  return (
    <div
      id={DRAWER_ID}
      ref={drawer.panelRef}
      className={drawer.active ? (drawer.open ? 'drawer drawer-open' : 'drawer drawer-closed') : 'drawer-static'}
      data-testid="sidebar-drawer"
      role={drawer.active ? 'region' : undefined}
      aria-label={drawer.active ? 'Parameters' : undefined}
      hidden={closed}
    >
      {drawer.open ? (
        <button type="button" className="drawer-close" data-testid="drawer-close" onClick={drawer.close}>
          Close parameters (Esc)
        </button>
      ) : null}
      {children}
    </div>
  );
}
