/**
 * The production page's Content-Security-Policy (sent by `npm start` and written into the built
 * index.html for static hosts). No inline script; WebAssembly for tfjs-wasm; workers from the page's
 * own origin (and blob: for libraries that spawn them); nothing fetched from elsewhere. Scripts from
 * blob: are allowed because multi-threaded tfjs-wasm starts its pthread workers from a blob that
 * imports another blob; only the page's own scripts can mint blob: URLs. Embedding in
 * slides from any origin is allowed (frame-ancestors, which only a header can carry).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Header only: a <meta> policy may not set frame-ancestors. */
export const FRAME_ANCESTORS = 'frame-ancestors *';

/**
 * Cross-origin isolation: with these two headers the page gets SharedArrayBuffer and tfjs-wasm runs
 * multi-threaded. Everything the page loads is same-origin, so require-corp blocks nothing. A static
 * host that cannot send headers can use the service worker in public/coi-sw.js instead.
 */
export const CROSS_ORIGIN_ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const;
