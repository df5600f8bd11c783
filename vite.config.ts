import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { selfContainedWasmThreads } from './scripts/wasm-threads-plugin';
import { CONTENT_SECURITY_POLICY, CROSS_ORIGIN_ISOLATION, FRAME_ANCESTORS } from './csp';

/** Writes the policy into the built page, for static hosts that cannot send headers. */
function cspMeta(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(
        '<meta charset="UTF-8" />',
        `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      ),
  };
}

export default defineConfig({
  plugins: [react(), cspMeta(), selfContainedWasmThreads()],
  // Worker bundles do not inherit the page's plugins; tfjs-wasm lives in the worker.
  worker: { format: 'es', plugins: () => [selfContainedWasmThreads()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  // `npm start` serves the build under the policy; the development server needs React's inline
  // refresh preamble, so it has none.
  // Both servers isolate the page (COOP/COEP) so tfjs-wasm can use threads (SharedArrayBuffer).
  server: { headers: { ...CROSS_ORIGIN_ISOLATION } },
  preview: { headers: { 'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; ${FRAME_ANCESTORS}`, ...CROSS_ORIGIN_ISOLATION } },
});
