/**
 * The training worker's handle on the analysis job worker (job-worker.ts): started on the first job,
 * one job at a time per caller. Should the job worker fail to load or crash, every job in flight and
 * every later one is refused (the run then analyses inline), and `onFailure` is told once.
 */
import * as Comlink from 'comlink';
import type { AnalysisJobName, JobInput, JobOutput, JobRunner } from '../analysis/jobs';
import type { JobWorkerApi } from './job-worker';

export function jobWorkerRunner(onFailure: (reason: string) => void): JobRunner {
  let remote: Comlink.Remote<JobWorkerApi> | null = null;
  let failed: string | null = null;
  const inFlight = new Set<(reason: Error) => void>();

  const fail = (reason: string) => {
    if (failed) return;
    failed = reason;
    for (const reject of inFlight) reject(new Error(`analysis job worker failed: ${reason}`));
    inFlight.clear();
    onFailure(reason);
  };

  const start = (): Comlink.Remote<JobWorkerApi> => {
    const worker = new Worker(new URL('./job-worker.ts', import.meta.url), { type: 'module', name: 'analysis-jobs' });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      fail(e.message || 'it could not be loaded');
    });
    return Comlink.wrap<JobWorkerApi>(worker);
  };

  return {
    run<N extends AnalysisJobName>(name: N, input: JobInput<N>): Promise<JobOutput<N>> {
      if (failed) return Promise.reject(new Error(`analysis job worker failed: ${failed}`));
      try {
        remote ??= start();
      } catch (err) {
        fail(err instanceof Error ? err.message : String(err));
        return Promise.reject(new Error(`analysis job worker failed: ${failed}`));
      }
      const call = remote.run(name, input) as Promise<JobOutput<N>>;
      return new Promise<JobOutput<N>>((resolve, reject) => {
        inFlight.add(reject);
        call.then(resolve, reject).finally(() => inFlight.delete(reject));
      });
    },
  };
}
