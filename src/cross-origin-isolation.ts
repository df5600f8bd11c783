/**
 * Makes the page cross-origin isolated where the server did not (public/coi-sw.js): registers the
 * header-adding service worker and reloads once. Not in a frame (an embedded view keeps its host's
 * rules), not on an insecure origin, not in development, and never twice in a row: if the reload did
 * not isolate the page, it stays single-threaded rather than loop.
 */
const RELOADED = 'geometry-lab-coi-reloaded';

export function isolateWithServiceWorker(): void {
  if (globalThis.crossOriginIsolated) {
    sessionStorage.removeItem(RELOADED);
    return;
  }
  if (!import.meta.env.PROD || !window.isSecureContext || !('serviceWorker' in navigator) || window.top !== window) return;
  if (sessionStorage.getItem(RELOADED)) return;
  navigator.serviceWorker
    .register(`${import.meta.env.BASE_URL}coi-sw.js`)
    .then(async () => {
      await navigator.serviceWorker.ready;
      sessionStorage.setItem(RELOADED, '1');
      location.reload();
    })
    .catch(() => undefined);
}
