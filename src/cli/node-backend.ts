import { tf } from '../engine/tf';
import '@tensorflow/tfjs-backend-wasm';
import { installWasmHeapSlices } from '../nn/wasm-slice-kernels';

import type { NodeBackend } from './args';
export { NODE_BACKENDS, type NodeBackend } from './args';

/** The tfjs WASM backend (or the pure-JS CPU one) in Node; tfjs's nag about tfjs-node is silenced. */
export async function activateNodeBackend(name: NodeBackend): Promise<void> {
  installWasmHeapSlices();
  const warn = console.warn;
  const log = console.log;
  console.warn = () => {};
  console.log = () => {};
  try {
    const ok = await tf.setBackend(name);
    await tf.ready();
    if (!ok || tf.getBackend() !== name) throw new Error(`backend ${name} failed to initialise`);
  } finally {
    console.warn = warn;
    console.log = log;
  }
}
