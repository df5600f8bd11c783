import { describe, expect, it } from 'vitest';
import type { Run, Snapshot } from './lab';
import type { BackendName } from './tf';
import { probeBackends } from './backend-probe';

/** A run whose steps busy-wait `ms` each, standing in for a backend of that speed. */
function slowRun(ms: number, disposed: string[], label: string): Run {
  const spin = (n: number) => {
    const end = performance.now() + n * ms;
    while (performance.now() < end);
  };
  return {
    step: spin,
    loss: async () => 1,
    snapshot: async (): Promise<Snapshot> => ({ step: 0, loss: 1, weights: {} }),
    restore: () => {},
    dispose: () => disposed.push(label),
    staticData: {},
  };
}

describe('probeBackends', () => {
  it('ranks backends by measured step time and disposes every probe run', async () => {
    const speed: Partial<Record<BackendName, number>> = { webgpu: 3, wasm: 0.5, webgl: 1.5 };
    let active: BackendName = 'cpu';
    const disposed: string[] = [];
    const timings = await probeBackends(
      ['webgpu', 'wasm', 'webgl'],
      async (b) => {
        active = b;
        return true;
      },
      async () => slowRun(speed[active]!, disposed, active),
      40,
    );
    expect(timings.map((t) => t.backend)).toEqual(['wasm', 'webgl', 'webgpu']);
    expect(timings[0]!.msPerStep).toBeGreaterThanOrEqual(0.5);
    expect(timings[0]!.msPerStep).toBeLessThan(1.5);
    expect(disposed.sort()).toEqual(['wasm', 'webgl', 'webgpu']);
  });

  it('skips a backend that fails to activate or throws while training', async () => {
    let active: BackendName = 'cpu';
    const disposed: string[] = [];
    const timings = await probeBackends(
      ['webgpu', 'webgl', 'wasm'],
      async (b) => {
        active = b;
        return b !== 'webgl';
      },
      async () => {
        const run = slowRun(0.2, disposed, active);
        if (active === 'webgpu')
          run.step = () => {
            throw new Error('device lost');
          };
        return run;
      },
      20,
    );
    expect(timings.map((t) => t.backend)).toEqual(['wasm']);
    expect(disposed.sort()).toEqual(['wasm', 'webgpu']);
  });
});
