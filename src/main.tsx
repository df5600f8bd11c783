import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { boot, measureStep, pause, play } from './state/controller';
import { useLab } from './state/store';
import './ui/styles.css';

boot(location.search, location.hash);
// Back/forward between links, or a link's hash edited in place, opens that link like a fresh load.
addEventListener('popstate', () => boot(location.search, location.hash));
addEventListener('hashchange', () => boot(location.search, location.hash));

/** A small handle for the benchmark and end-to-end tests; not used by the UI. */
Object.assign(window, { geometryLab: { measureStep, play, pause, state: () => useLab.getState() } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
