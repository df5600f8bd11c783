/** Fetches a generated data asset from `/data/`, reporting download progress. */
const cache = new Map<string, Promise<ArrayBuffer>>();

export function fetchAsset(name: string, onProgress: (name: string, fraction: number) => void): Promise<ArrayBuffer> {
  if (!/^[\w.-]+$/.test(name)) return Promise.reject(new Error(`bad asset name ${JSON.stringify(name)}`));
  let pending = cache.get(name);
  if (!pending) {
    pending = download(name, onProgress);
    pending.catch(() => cache.delete(name));
    cache.set(name, pending);
  }
  return pending;
}

async function download(name: string, onProgress: (name: string, fraction: number) => void): Promise<ArrayBuffer> {
  const url = new URL(`data/${name}`, new URL(import.meta.env.BASE_URL, self.location.origin)).href;
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`could not load ${name}: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || 0;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress(name, 0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    if (total) onProgress(name, Math.min(1, received / total));
  }
  const out = new Uint8Array(received);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  onProgress(name, 1);
  return out.buffer;
}
