import { tf } from '../engine/tf';
import '@tensorflow/tfjs-backend-wasm';

export const NODE_BACKENDS = ['wasm', 'cpu'] as const;
export type NodeBackend = (typeof NODE_BACKENDS)[number];

/** The tfjs WASM backend (or the pure-JS CPU one) in Node; tfjs's nag about tfjs-node is silenced. */
export async function useNodeBackend(name: NodeBackend): Promise<void> {
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
