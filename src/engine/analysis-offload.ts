/**
 * Where a run's slow, pure analysis goes while the page plays (LabModel.slowAnalysis): the training
 * worker sets a job worker here, so the analysis runs on another core while training goes on.
 * Nothing is set in Node (the runner, the tests, the bench's Node rows): analyses run inline there.
 */
import type { JobRunner } from '../analysis/jobs';

let offloader: JobRunner | null = null;

export function setAnalysisOffloader(runner: JobRunner | null): void {
  offloader = runner;
}

export function analysisOffloader(): JobRunner | null {
  return offloader;
}
