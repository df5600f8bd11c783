/**
 * The pure analyses a run may hand to another thread, by name: a job worker can run only what is
 * listed here (it loads no lab), and the runner and the tests call the same functions inline.
 * Inputs and outputs are plain objects of typed arrays, so they cross a postMessage as they are.
 */
import { latentGeometry, type LatentGeometry, type LatentGeometryInput } from './latent-geometry';

export interface AnalysisJobs {
  'latent-geometry': { input: LatentGeometryInput; output: LatentGeometry };
}

export type AnalysisJobName = keyof AnalysisJobs;
export type JobInput<N extends AnalysisJobName> = AnalysisJobs[N]['input'];
export type JobOutput<N extends AnalysisJobName> = AnalysisJobs[N]['output'];

const JOBS: { [N in AnalysisJobName]: (input: JobInput<N>) => JobOutput<N> } = {
  'latent-geometry': latentGeometry,
};

export function isAnalysisJobName(name: string): name is AnalysisJobName {
  return Object.prototype.hasOwnProperty.call(JOBS, name);
}

export function runAnalysisJob<N extends AnalysisJobName>(name: N, input: JobInput<N>): JobOutput<N> {
  if (!isAnalysisJobName(name)) throw new Error(`unknown analysis job ${String(name)}`);
  return JOBS[name](input);
}

/** Where jobs run: inline (`inlineJobs`) or in a job worker (engine/analysis-offload.ts). */
export interface JobRunner {
  run<N extends AnalysisJobName>(name: N, input: JobInput<N>): Promise<JobOutput<N>>;
}

export const inlineJobs: JobRunner = {
  run: (name, input) => Promise.resolve(runAnalysisJob(name, input)),
};
