/**
 * Bows' output layer and its gradient as one wasm heap kernel (nn/wasm-heap-kernel.ts), for the
 * sparse encoder: with pre = hW + b and the batch's bags x given as their (row, word) list,
 *   ∂L/∂pre = (ReLU(pre) − x)·step(pre)·s (and its transpose),   ∂L/∂b = Σ_rows ∂L/∂pre,
 *   L = mean((ReLU(pre) − x)²),
 * where s = 2 / (B·V). The op-by-op step spends seven kernels on this (add, relu, sub, step, two
 * muls, and a [1, B]×[B, V] product for ∂L/∂b that tfjs-wasm ran at 0.53 ms of a 2.6-ms step), and
 * uploads the dense B×V bags each step; here x never becomes a tensor: since x is 0/1,
 * ReLU(pre) − x differs from ReLU(pre) only at the list's entries, which a second pass corrects.
 * ∂L/∂pre is bit for bit the op-by-op graph's (each operation rounded to float32 in its order), and
 * so is ∂L/∂b (each column's rows added in order once the entries are corrected, as the graph's
 * product of ones adds them); L is a sum in another order.
 */
import { tf, type Tensor } from '../../engine/tf';
import { wasmBackendMemory } from '../../nn/wasm-encoding';
import { simdOutput, type SimdOutput } from './simd-output';
import { runHeapKernel, type HeapKernel } from '../../nn/wasm-heap-kernel';

export interface OutputGradAttrs {
  /** The batch's (row, word) entries, where x = 1. */
  rows: Int32Array;
  words: Int32Array;
  /** 2 / (B·V). */
  scale: number;
}

const f = Math.fround;

/** The SIMD pass (simd-output.ts) over the active wasm backend's memory, when `views` live there. */
function simdOver(views: readonly Float32Array[]): SimdOutput | null {
  const memory = wasmBackendMemory(tf.backend());
  if (!memory || views.some((view) => view.buffer !== memory.buffer)) return null;
  return simdOutput(memory);
}

/** The dense pass in JavaScript over rows [r0, r1) and columns [c0, V) (returns Σ relu² there). */
function scalarPass([hW, b, gPre, gPreT]: readonly Float32Array[], s: number, [r0, r1]: [number, number], c0: number): number {
  const V = b!.length;
  const B = hW!.length / V;
  let sse = 0;
  for (let r = r0; r < r1; r++) {
    for (let v = c0, i = r * V + c0; v < V; v++, i++) {
      const pre = f(hW![i]! + b![v]!);
      const relu = pre > 0 ? pre : 0;
      sse += relu * relu;
      const g = f(relu * s);
      gPre![i] = g;
      gPreT![v * B + r] = g;
    }
  }
  return sse;
}

/** gb[v] = Σ_r gPre[r, v] for columns [c0, V), adding the rows in order. */
function scalarColumnSums(gPre: Float32Array, gb: Float32Array, c0: number): void {
  const V = gb.length;
  const B = gPre.length / V;
  for (let v = c0; v < V; v++) {
    let sum = 0;
    for (let r = 0; r < B; r++) sum = f(sum + gPre[r * V + v]!);
    gb[v] = sum;
  }
}

export const bowsOutputGradKernel: HeapKernel<OutputGradAttrs> = {
  name: 'GeometryLabBowsOutputGrad',
  inputs: ['hW', 'b'],
  outputShapes: ([hW]) => [hW!.shape.slice(), hW!.shape.slice().reverse(), [1, hW!.shape[1]!], []],
  run([hW, b], [gPre, gPreT, gb, loss], { rows, words, scale }) {
    const V = b!.length;
    const B = hW!.length / V;
    const s = f(scale);
    // Blocks of four rows by four columns in SIMD where it runs, the rest in JavaScript.
    const views = [hW!, b!, gPre!, gPreT!];
    const simd = simdOver([...views, gb!]);
    const simdRows = simd ? B - (B % 4) : 0;
    const simdColumns = simd ? V - (V % 4) : 0;
    const bytes = Float32Array.BYTES_PER_ELEMENT;
    let sse = 0;
    if (simd && simdRows > 0 && simdColumns > 0) {
      const at = (view: Float32Array) => view.byteOffset;
      sse += simd.outputPass(at(hW!), at(b!), at(gPre!), at(gPreT!), simdRows / 4, V * bytes, simdColumns * bytes, B * bytes, s);
      sse += scalarPass(views, s, [0, simdRows], simdColumns);
      sse += scalarPass(views, s, [simdRows, B], 0);
    } else {
      sse += scalarPass(views, s, [0, B], 0);
    }
    // Where x = 1: the difference is ReLU(pre) − 1, its square (ReLU − 1)² = ReLU² − 2·ReLU + 1.
    for (let k = 0; k < rows.length; k++) {
      const word = words[k]!;
      const i = rows[k]! * V + word;
      const pre = f(hW![i]! + b![word]!);
      if (pre > 0) {
        const g = f(f(pre - 1) * s);
        gPre![i] = g;
        gPreT![word * B + rows[k]!] = g;
        sse += 1 - 2 * pre;
      } else {
        sse += 1;
      }
    }
    // ∂L/∂b once the entries are final, each column's rows added in order.
    const sumColumns = simd ? simdColumns : 0;
    if (simd && sumColumns > 0) simd.columnSums(gPre!.byteOffset, gb!.byteOffset, B, V * bytes, sumColumns * bytes);
    scalarColumnSums(gPre!, gb!, sumColumns);
    loss![0] = sse / (B * V);
  },
};

export interface OutputGrads {
  /** ∂L/∂pre [B, V] and the same transposed, [V, B]. */
  gPre: Tensor;
  gPreT: Tensor;
  /** ∂L/∂b [1, V]. */
  gb: Tensor;
  /** L, a scalar. */
  loss: Tensor;
}

/** The output layer's gradients and loss from hW [B, V] and b [1, V] (wasm backend only). */
export function bowsOutputGrad(hW: Tensor, b: Tensor, attrs: OutputGradAttrs): OutputGrads {
  const [gPre, gPreT, gb, loss] = runHeapKernel(bowsOutputGradKernel, { hW, b }, attrs);
  return { gPre: gPre!, gPreT: gPreT!, gb: gb!, loss: loss! };
}
