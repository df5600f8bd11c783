import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { Landing, isLandingUrl } from './ui/Landing';
import { measureKernels, measureStep, pause, play, workerTime } from './state/controller';
import { startFromLink } from './tours/controller';
import { useLab } from './state/store';
import './ui/styles.css';
import { isolateWithServiceWorker } from './cross-origin-isolation';

isolateWithServiceWorker();

const root = createRoot(document.getElementById('root')!);
if (isLandingUrl(location.search, location.hash)) {
  root.render(
    <StrictMode>
      <Landing />
    </StrictMode>,
  );
} else {
  // A link opens like the rest of the app's state; with `tour=` or `tourData=`, at its tour's step.
  startFromLink(location.search, location.hash);
  // Back/forward between links, or a link's hash edited in place, opens that link like a fresh load.
  addEventListener('popstate', () => startFromLink(location.search, location.hash));
  addEventListener('hashchange', () => startFromLink(location.search, location.hash));

  /** A small handle for the benchmark and end-to-end tests; not used by the UI. */
  Object.assign(window, { geometryLab: { measureStep, measureKernels, workerTime, play, pause, state: () => useLab.getState() } });

  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
