import { lazy, Suspense, useMemo, useRef, type ComponentType } from 'react';
import { LABS, findLab } from '../labs/manifests';
import { runSweep, setFocus, setView, switchLab, trainOnFiles } from '../state/controller';
import { useLab } from '../state/store';
import type { LabViewProps } from './lab-view-types';
import { HelpOverlay } from './HelpOverlay';
import { Notices } from './Notices';
import { Sidebar } from './Sidebar';
import { Toolbar } from './Toolbar';
import { TourPanel } from './TourPanel';
import { useShortcuts } from './useShortcuts';
import { ViewFocusContext } from './view-focus';
import { FocusBar } from './layout/FocusBar';
import { DrawerToggle, SidebarDrawer } from './layout/SidebarDrawer';
import { useChartScale } from './layout/useChartScale';
import { useDrawer } from './layout/useDrawer';
import { useMediaQuery } from './layout/useMediaQuery';
import './layout/layout.css';

const viewCache = new Map<string, ComponentType<LabViewProps>>();
function labViews(labId: string): ComponentType<LabViewProps> {
  let views = viewCache.get(labId);
  if (!views) {
    const lab = findLab(labId)!;
    views = lazy(() => lab.loadViews());
    viewCache.set(labId, views);
  }
  return views;
}

function LabViews() {
  const labId = useLab((s) => s.labId);
  const snapshot = useLab((s) => s.snapshot);
  const staticData = useLab((s) => s.staticData);
  const metrics = useLab((s) => s.metrics);
  const params = useLab((s) => s.params);
  const lossHistory = useLab((s) => s.lossHistory);
  const viewState = useLab((s) => s.view);
  const sweep = useLab((s) => s.sweep);
  const sweepProgress = useLab((s) => s.sweepProgress);
  const trainingFiles = useLab((s) => s.trainingFiles);
  const Views = useMemo(() => labViews(labId), [labId]);
  return (
    <Suspense fallback={<p className="hint">Loading views…</p>}>
      <Views
        snapshot={snapshot}
        staticData={staticData}
        metrics={metrics}
        params={params}
        lossHistory={lossHistory}
        viewState={viewState}
        setViewState={setView}
        sweep={sweep}
        runSweep={() => void runSweep()}
        sweepProgress={sweepProgress}
        trainOnFiles={(files, p) => void trainOnFiles(files, p)}
        trainingFiles={trainingFiles}
      />
    </Suspense>
  );
}

/** tfjs-wasm threads only in a cross-origin isolated page, and then uses half the logical cores (at most 8). */
function threadsTitle(threads: number, adamSimd: boolean | null): string {
  const adam = adamSimd
    ? "; Adam's update in WebAssembly SIMD"
    : adamSimd === false
      ? "; Adam's update in scalar JavaScript (no WebAssembly SIMD)"
      : '';
  if (!globalThis.crossOriginIsolated)
    return `tfjs-wasm runs on one thread: the page is not cross-origin isolated (serve it with COOP/COEP headers)${adam}`;
  return `tfjs-wasm's thread pool: half of the ${navigator.hardwareConcurrency} logical cores (tfjs assumes two per physical core), at most 8 — ${threads} here${adam}`;
}

export function App() {
  useShortcuts();
  const labId = useLab((s) => s.labId);
  const lecture = useLab((s) => s.lecture);
  const boots = useLab((s) => s.boots);
  const backend = useLab((s) => s.backendInUse);
  const adapter = useLab((s) => s.adapter);
  const threads = useLab((s) => s.threads);
  const adamSimd = useLab((s) => s.adamSimd);
  const lab = findLab(labId);
  const focus = useLab((s) => s.focus);
  const embed = useLab((s) => s.embed);
  const narrow = useMediaQuery('(max-width: 760px)');
  const drawer = useDrawer(!embed && (narrow || focus !== null));
  const views = useRef<HTMLElement>(null);
  useChartScale(views, lecture);
  const focusContext = useMemo(() => ({ focus, embed, setFocus }), [focus, embed]);
  const classes = ['app', lecture && 'lecture', focus && 'focus', embed && 'embed', drawer.active && 'drawer-mode']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} data-testid="app" data-lab={labId} data-boots={boots}>
      <header className="app-header">
        <h1>
          <a href={location.pathname} className="home-link" title="All labs">
            Geometry Lab
          </a>
        </h1>
        <nav className="lab-tabs" aria-label="Labs">
          {LABS.map((l) => (
            <button type="button" key={l.id} className={l.id === labId ? 'tab active' : 'tab'} onClick={() => switchLab(l.id)}>
              {l.title}
            </button>
          ))}
        </nav>
        <DrawerToggle drawer={drawer} />
        <span className="backend-badge" data-testid="backend" title={adapter ?? undefined}>
          {backend ?? 'starting…'}
        </span>
        {threads !== null ? (
          <span className="backend-badge" data-testid="threads" title={threadsTitle(threads, adamSimd)}>
            {threads} {threads === 1 ? 'thread' : 'threads'}
          </span>
        ) : null}
        <button type="button" className="small" onClick={() => useLab.setState((s) => ({ helpOpen: !s.helpOpen }))} aria-label="Help">
          ?
        </button>
      </header>
      <Notices />
      <Toolbar />
      <div className="workspace">
        <SidebarDrawer drawer={drawer}>
          <Sidebar />
        </SidebarDrawer>
        {/* While the drawer is open over the views, Tab stays out of what it covers. */}
        <main className="views" ref={views} inert={drawer.open || undefined}>
          {lab ? <p className="lab-summary">{lab.summary}</p> : null}
          {focus && !embed ? <FocusBar focus={focus} setFocus={setFocus} /> : null}
          <ViewFocusContext value={focusContext}>
            <LabViews />
          </ViewFocusContext>
        </main>
      </div>
      <HelpOverlay />
      <TourPanel />
    </div>
  );
}
