/**
 * A tfjs kernel for the wasm backend written in JavaScript over the wasm heap: it reads its float32
 * inputs where tfjs-wasm keeps them and writes its outputs there, so a chain of small ops becomes
 * one dispatch with no copies (the engine tracks the outputs like any kernel's, and tf.profile counts
 * it). For the labs' small models each tfjs kernel costs a fixed 5–13 µs, more than its arithmetic.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf, type Tensor } from '../engine/tf';
import { registerKernelOnce } from './register-kernel-once';

export interface HeapKernel<A> {
  name: string;
  /** Input names, in the order `run` gets them (a function where their number depends on the attributes). */
  inputs: readonly string[] | ((attrs: A) => readonly string[]);
  /** The output shapes for these inputs and attributes (all float32). */
  outputShapes(inputs: readonly tf.TensorInfo[], attrs: A): number[][];
  /** Computes the outputs (zero-filled is not promised: write every element). */
  run(inputs: readonly Float32Array[], outputs: readonly Float32Array[], attrs: A): void;
}

const inputNames = <A>(kernel: HeapKernel<A>, attrs: A): readonly string[] =>
  typeof kernel.inputs === 'function' ? kernel.inputs(attrs) : kernel.inputs;

/** Runs `kernel` on the wasm backend (registering it the first time). */
export function runHeapKernel<A extends object>(kernel: HeapKernel<A>, inputs: Record<string, Tensor>, attrs: A): Tensor[] {
  registerKernelOnce(kernel.name, 'wasm', ({ inputs: given, backend, attrs: a }) => {
    const wasm = backend as BackendWasm;
    const infos = inputNames(kernel, a as A).map((n) => (given as Record<string, tf.TensorInfo>)[n]!);
    // Every output first: an allocation may grow the wasm memory, which detaches older heap views.
    const outputs = kernel.outputShapes(infos, a as A).map((shape) => wasm.makeOutput(shape, 'float32'));
    const heap = (t: tf.TensorInfo) => wasm.typedArrayFromHeap(t) as Float32Array;
    kernel.run(infos.map(heap), outputs.map(heap), a as A);
    return outputs;
  });
  for (const n of inputNames(kernel, attrs)) {
    const t = inputs[n];
    if (!t || t.dtype !== 'float32') throw new Error(`${kernel.name}: input ${n} must be a float32 tensor`);
  }
  return tf.engine().runKernel<Tensor[]>(kernel.name, inputs, attrs as unknown as tf.NamedAttrMap);
}
