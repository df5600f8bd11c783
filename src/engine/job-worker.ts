/// <reference lib="webworker" />
/**
 * The analysis job worker, started by the training worker: runs the pure jobs of analysis/jobs.ts
 * (by name, nothing else) and transfers their typed arrays back.
 */
import * as Comlink from 'comlink';
import { runAnalysisJob, type AnalysisJobName, type JobInput } from '../analysis/jobs';

export interface JobWorkerApi {
  run(name: string, input: unknown): unknown;
}

const api: JobWorkerApi = {
  run(name, input) {
    // runAnalysisJob refuses a name it does not list.
    const output = runAnalysisJob(name as AnalysisJobName, input as JobInput<AnalysisJobName>);
    const buffers = Object.values(output)
      .filter((v): v is Float32Array => v instanceof Float32Array)
      .map((a) => a.buffer as ArrayBuffer);
    return Comlink.transfer(output, buffers);
  },
};

Comlink.expose(api);
