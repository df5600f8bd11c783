/** `npm run lab -- <lab> [--preset name] [--steps N] [--out file.json] [--param value …]` */
import { writeFileSync } from 'node:fs';
import { LABS } from '../labs/registry';
import { parseArgs, UsageError } from './args';
import { runLab } from './runner';

function usage(): string {
  const labs = LABS.map(
    (lab) =>
      `  ${lab.id}: ${lab.params.map((p) => `--${p.key}`).join(' ')}\n    presets: ${lab.presets.map((p) => p.name).join(', ')}`,
  ).join('\n');
  return `usage: npm run lab -- <lab> [--preset name] [--steps N] [--out file.json] [--backend wasm|cpu] [--param value …]\n${labs}`;
}

async function main(): Promise<void> {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2), LABS);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n${usage()}\n`);
      process.exit(2);
    }
    throw err;
  }
  let lastReport = 0;
  const result = await runLab({
    ...opts,
    onProgress: (step, loss) => {
      const now = Date.now();
      if (now - lastReport > 1000) {
        lastReport = now;
        process.stderr.write(`step ${step}/${opts.steps} loss ${loss.toPrecision(4)}\n`);
      }
    },
  });
  const json = JSON.stringify(result, null, 1);
  if (opts.out) {
    writeFileSync(opts.out, json);
    process.stderr.write(
      `${result.lab}: ${result.steps} steps in ${result.seconds.toFixed(2)} s on ${result.backend}, final loss ${result.finalLoss.toPrecision(4)} → ${opts.out}\n`,
    );
  } else {
    process.stdout.write(`${json}\n`);
  }
  if (result.diverged) {
    process.stderr.write(`training diverged at step ${result.diverged.step}; the last finite snapshot was kept\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
