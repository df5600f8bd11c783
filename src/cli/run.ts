/** `npm run lab -- <lab> [--preset name] [--mode train|sweep] [--steps N] [--out file.json] [--param value …]` */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { LabDefinition, Params } from '../engine/lab';
import { LABS } from '../labs/registry';
import { parseArgs, UsageError } from './args';
import { runLab } from './runner';
import { runLabSweep } from './sweep-runner';
import { readTrainingFiles, type TrainingFile } from './training-files';

/** Imported activation files the runner reads (the page allows the same). */
const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

function usage(): string {
  const labs = LABS.map(
    (lab) => `  ${lab.id}: ${lab.params.map((p) => `--${p.key}`).join(' ')}\n    presets: ${lab.presets.map((p) => p.name).join(', ')}`,
  ).join('\n');
  return `usage: npm run lab -- <lab> [--preset name] [--mode train|sweep] [--steps N] [--out file.json] [--backend wasm|cpu] [--param value …]\n${labs}`;
}

/** A usage error: the message, the usage, exit code 2. */
function fail(message: string): never {
  process.stderr.write(`error: ${message}\n${usage()}\n`);
  process.exit(2);
}

/** Writes the result, or says in one line why it could not (no stack trace). */
function writeOut(path: string, json: string): void {
  try {
    writeFileSync(path, json);
  } catch (err) {
    process.stderr.write(`error: could not write ${path}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}

/** Analyses user files (e.g. imported activations) instead of training. */
async function analyseFiles(lab: LabDefinition, params: Params, flags: Record<string, string>, out?: string): Promise<void> {
  const analysis = lab.fileAnalysis!;
  const files: Record<string, { name: string; bytes: ArrayBuffer }> = {};
  const options: Record<string, string> = {};
  for (const [flag, path] of Object.entries(flags)) {
    if (!analysis.fileFlags.includes(flag)) {
      options[flag] = path;
      continue;
    }
    let buf: Buffer;
    try {
      if (statSync(path).size > MAX_IMPORT_BYTES) fail(`--${flag} ${path} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
      buf = readFileSync(path);
    } catch (err) {
      fail(`cannot read --${flag} ${path}: ${err instanceof Error ? err.message : String(err)}`);
    }
    files[flag] = { name: basename(path), bytes: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer };
  }
  let metrics;
  try {
    metrics = await analysis.analyse(files, options, params);
  } catch (err) {
    // A malformed or mismatched file is the user's input, like a bad flag: say why, exit 2.
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(2);
  }
  const json = JSON.stringify(
    { lab: lab.id, mode: 'import', params, files: Object.fromEntries(Object.entries(flags).filter(([k]) => k in files)), options, metrics },
    null,
    1,
  );
  if (out) writeOut(out, json);
  else process.stdout.write(`${json}\n`);
}

/** `--mode sweep`: the lab's sweep instead of one model. */
async function sweep(opts: Parameters<typeof runLabSweep>[0] & { out?: string }): Promise<void> {
  let lastReport = 0;
  const result = await runLabSweep({
    ...opts,
    onProgress: (fraction) => {
      const now = Date.now();
      if (now - lastReport > 1000) {
        lastReport = now;
        process.stderr.write(`sweep ${(100 * fraction).toFixed(0)}% of ${opts.steps} steps\n`);
      }
    },
  });
  const json = JSON.stringify(result, null, 1);
  if (opts.out) {
    writeOut(opts.out, json);
    process.stderr.write(
      `${result.lab}: sweep of ${result.steps} steps in ${result.seconds.toFixed(2)} s on ${result.backend} → ${opts.out}\n`,
    );
  } else {
    process.stdout.write(`${json}\n`);
  }
}

async function main(): Promise<void> {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2), LABS, (lab) => [
      ...(lab.fileAnalysis?.fileFlags ?? []),
      ...(lab.fileAnalysis?.optionFlags ?? []),
      ...(lab.trainingFiles ? [lab.trainingFiles.flag] : []),
    ]);
  } catch (err) {
    if (err instanceof UsageError) fail(err.message);
    throw err;
  }
  const analysis = opts.lab.fileAnalysis;
  if (analysis && opts.extra[analysis.trigger] !== undefined) {
    await analyseFiles(opts.lab, opts.params, opts.extra, opts.out);
    return;
  }
  let userFiles: TrainingFile[] | undefined;
  const training = opts.lab.trainingFiles;
  if (training && opts.extra[training.flag] !== undefined) {
    try {
      userFiles = readTrainingFiles(training.flag, opts.extra[training.flag]!, training.maxBytes);
    } catch (err) {
      if (err instanceof UsageError) fail(err.message);
      throw err;
    }
    delete opts.extra[training.flag];
    for (const [key, value] of Object.entries(training.params)) {
      if (process.argv.includes(`--${key}`) && opts.params[key] !== value)
        fail(`--${training.flag} trains on your files: it needs --${key} ${String(value)}`);
      opts.params[key] = value;
    }
  }
  if (Object.keys(opts.extra).length) {
    fail(`--${Object.keys(opts.extra)[0]} needs --${analysis?.trigger ?? 'a file'}`);
  }
  if (opts.mode === 'sweep') {
    await sweep(opts);
    return;
  }
  let lastReport = 0;
  const result = await runLab({
    ...opts,
    userFiles,
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
    writeOut(opts.out, json);
    process.stderr.write(
      `${result.lab}: ${result.steps} steps in ${result.seconds.toFixed(2)} s on ${result.backend}, final loss ${result.finalLoss.toPrecision(4)} → ${opts.out}\n`,
    );
  } else {
    process.stdout.write(`${json}\n`);
  }
  if (result.diverged) {
    process.stderr.write(
      `training diverged at step ${result.diverged.step} (${result.diverged.reason}); the result holds the last finite snapshot\n`,
    );
  }
}

main().catch((err: unknown) => {
  // An unexpected failure while training: one line, no stack trace (set DEBUG=1 for it).
  process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  if (process.env.DEBUG && err instanceof Error) process.stderr.write(`${err.stack ?? ''}\n`);
  process.exit(1);
});
