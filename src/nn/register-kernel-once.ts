import { tf } from '../engine/tf';

const registered = new Set<string>();

/**
 * Registers a custom kernel the first time it is asked for, and from then on costs one Set lookup:
 * tfjs's own registry lookups walk every kernel, too slow for a call made every training step.
 */
export function registerKernelOnce(kernelName: string, backendName: string, kernelFunc: tf.KernelFunc): void {
  const key = `${backendName}/${kernelName}`;
  if (registered.has(key)) return;
  registered.add(key);
  if (!tf.getKernel(kernelName, backendName)) tf.registerKernel({ kernelName, backendName, kernelFunc });
}
