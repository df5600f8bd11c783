/**
 * The production page's Content-Security-Policy (sent by `npm start` and written into the built
 * index.html for static hosts). No inline script; WebAssembly for tfjs-wasm; workers from the page's
 * own origin (and blob: for libraries that spawn them); nothing fetched from elsewhere. Embedding in
 * slides from any origin is allowed (frame-ancestors, which only a header can carry).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
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
