/**
 * The one place that imports TensorFlow.js. Labs and the engine use `tf` from here so that a
 * backend or library change touches this file only.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

export { tf };
export type Tensor = tf.Tensor;
export type Variable = tf.Variable;

export { BACKENDS, BACKEND_REQUESTS, isBackendName, isBackendRequest } from './backend-names';
export type { BackendName, BackendRequest } from './backend-names';
