/*
 * Cross-origin isolation for static hosts that cannot send headers (GitHub Pages and the like).
 * The page registers this worker only when it is not isolated already (src/cross-origin-isolation.ts);
 * the worker re-serves the site's own responses with COOP/COEP added, so after one reload the page
 * has SharedArrayBuffer and tfjs-wasm may run multi-threaded. Other origins' requests pass untouched.
 */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (new URL(request.url).origin !== self.location.origin) return;
  if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') return;
  event.respondWith(
    fetch(request).then((response) => {
      if (response.status === 0) return response;
      const headers = new Headers(response.headers);
      headers.set('Cross-Origin-Opener-Policy', 'same-origin');
      headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
    }),
  );
});
