import { availableParallelism } from 'node:os';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * Files that train for tens of seconds, longest first (measured on 2 shared cores). They start
 * first, so that the many quick files fill the other worker meanwhile; left to vitest, a fresh
 * checkout (no timing cache) orders by file size and the 66-line spotlight runner test, the longest
 * of all, would start last and run alone.
 */
const SLOW_FIRST = [
  'src/labs/spotlight/runner.test.ts',
  'src/labs/bias/runner.test.ts',
  'src/labs/contract.test.ts',
  'src/labs/intertwiner/runner.test.ts',
  'src/labs/intertwiner/model.test.ts',
  'src/labs/contract-memory.test.ts',
  'src/labs/capacity/runner.test.ts',
  'src/cli/runner.test.ts',
  'src/labs/spotlight/import-analysis.test.ts',
  'src/labs/bows/runner.test.ts',
  'src/labs/bows/ring.runner.test.ts',
];

class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((path) => f.moduleId.endsWith(`/${path}`));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every core: vitest's default leaves one free for its main process, which only waits here, so on
    // a 2-core machine the files ran one at a time.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: SlowFirst },
  },
});
