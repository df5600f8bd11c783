/**
 * Backend names without TensorFlow.js: the page's main thread imports these, and must never load
 * tfjs (whose environment parses the page URL on import, so a link could set its flags).
 */
export const BACKENDS = ['webgpu', 'wasm', 'webgl', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export function isBackendName(value: string): value is BackendName {
  return (BACKENDS as readonly string[]).includes(value);
}

/**
 * What a user may ask for: a backend by name; `auto` (hardware WebGPU if it measures faster than
 * wasm, else wasm → webgl → cpu); or `fastest` (time this lab's step on every available backend).
 */
export const BACKEND_REQUESTS = ['auto', 'fastest', ...BACKENDS] as const;
export type BackendRequest = (typeof BACKEND_REQUESTS)[number];

export function isBackendRequest(value: string): value is BackendRequest {
  return (BACKEND_REQUESTS as readonly string[]).includes(value);
}
