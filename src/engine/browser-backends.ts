/**
 * Backend choice in the browser (DESIGN §3): WebGPU only with a hardware adapter; otherwise the
 * first of wasm, webgl, cpu that initialises (measured here: wasm ≈0.5 ms/step, cpu ≈2.7,
 * webgl on SwiftShader ≈4.3). A requested backend that fails falls back with a notice.
 */
import { tf, type BackendName, type BackendRequest } from './tf';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { installWasmHeapSlices } from '../nn/wasm-slice-kernels';
import { momentsInSimd } from '../nn/adam-wasm-kernel';

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});
// One thread per logical core when the page is cross-origin isolated (tfjs's own default gave 1).
setThreadsCount(Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 1));
installWasmHeapSlices();

export type { BackendRequest } from './tf';

export interface BackendChoice {
  backend: BackendName;
  notices: Array<{ text: string; level: 'info' | 'warning' }>;
  adapter?: string;
  /** Whether navigator.gpu gave any adapter (hardware or software). */
  webgpuAvailable: boolean;
}

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

/** Describes the WebGPU adapter, or null when there is none. */
export async function probeWebGpu(): Promise<{ fallback: boolean; name: string } | null> {
  const gpu = (globalThis.navigator as Navigator | undefined)?.gpu;
  if (!gpu) return null;
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return null;
    const info = (adapter as unknown as { info?: AdapterInfoLike }).info ?? {};
    const legacyFallback = (adapter as unknown as { isFallbackAdapter?: boolean }).isFallbackAdapter;
    const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unknown adapter';
    const software = /swiftshader|llvmpipe|software/i.test(name);
    return { fallback: Boolean(info.isFallbackAdapter ?? legacyFallback) || software, name };
  } catch {
    return null;
  }
}

/** Switches tfjs to `name` and proves it computes; false if it cannot. */
export async function activateBackend(name: BackendName): Promise<boolean> {
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return false;
    await tf.ready();
    // A tiny op proves the backend can really compute.
    const probe = tf.tidy(() => tf.sum(tf.add(tf.ones([4]), tf.ones([4]))));
    const value = (await probe.data())[0];
    probe.dispose();
    return value === 8;
  } catch {
    return false;
  }
}

const FALLBACK_ORDER: readonly BackendName[] = ['wasm', 'webgl', 'cpu'];

export async function chooseBackend(request: BackendRequest): Promise<BackendChoice> {
  const notices: BackendChoice['notices'] = [];
  const gpu = await probeWebGpu();
  if (request === 'auto') {
    if (gpu && !gpu.fallback && (await activateBackend('webgpu')))
      return { backend: 'webgpu', notices, adapter: gpu.name, webgpuAvailable: true };
    if (gpu?.fallback)
      notices.push({
        level: 'info',
        text: `WebGPU adapter "${gpu.name}" is a software fallback, slower than WASM; not used automatically (add backend=webgpu to force it).`,
      });
  } else if (request !== 'fastest') {
    if (request === 'webgpu' && !gpu) {
      notices.push({ level: 'warning', text: 'WebGPU is not available in this browser; falling back.' });
    } else if (await activateBackend(request)) {
      return { backend: request, notices, adapter: request === 'webgpu' ? gpu?.name : undefined, webgpuAvailable: gpu !== null };
    } else {
      notices.push({ level: 'warning', text: `Backend ${request} failed to initialise; falling back.` });
    }
  }
  for (const name of FALLBACK_ORDER) {
    if (name !== request && (await activateBackend(name))) return { backend: name, notices, webgpuAvailable: gpu !== null };
  }
  throw new Error('no TensorFlow.js backend could be initialised');
}

/**
 * Threads tfjs-wasm computes with: more than 1 only in a cross-origin isolated page (COOP/COEP
 * headers, or the service worker in public/coi-sw.js), where SharedArrayBuffer exists. Null when the
 * backend in use is not wasm.
 */
export function wasmThreadCount(): number | null {
  if (tf.getBackend() !== 'wasm') return null;
  try {
    return getThreadsCount();
  } catch {
    return null;
  }
}

/**
 * Whether Adam's update runs as WebAssembly SIMD over tfjs-wasm's heap (nn/simd-moments.ts; its
 * module is built here, once, if it was not yet); null when the backend in use is not wasm.
 */
export function wasmAdamSimd(): boolean | null {
  return tf.getBackend() === 'wasm' ? momentsInSimd() : null;
}

/** Calls back once if the WebGPU device is lost (tfjs has no handler of its own). */
export function watchDeviceLoss(onLost: (reason: string) => void): void {
  if (tf.getBackend() !== 'webgpu') return;
  const backend = tf.backend() as unknown as { device?: GPUDevice };
  backend.device?.lost.then((info) => onLost(info.message || info.reason || 'device lost')).catch(() => {});
}
