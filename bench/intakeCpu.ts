/**
 * `node scripts/run-ts.mjs bench/intakeCpu.ts [--files N] [--dir D] [--digest F]`: the CPU time of
 * the in-process intake (intakeFile: read, decode, parse, choose the sheet, validate, compact) per
 * file and per format on a realistic batch (bench/batch.ts), in one pass over fresh files as a
 * worker sees them; then what the workers' answers cost to cross threads (structured clone of
 * 24-file batches) and the main thread's decisions. CPU time, not wall time: the machine is shared.
 * --dir keeps the batch (made there when absent) so that runs before and after a change read the
 * same files; --digest writes a hash of every outcome (results must not change); --pool times the
 * worker pool instead (needs dist/intakeWorker.js: `npm run build`).
 * Profile it with: node --cpu-prof scripts/run-ts.mjs bench/intakeCpu.ts --dir D
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSchema } from '../core';
import { layoutFields } from '../intake/compactSheet';
import { decideIntake } from '../intake/decideIntake';
import type { FileOutcome } from '../intake/decideIntake';
import { intakeFile, intakeFiles, intakeThreads } from '../pipeline/intake/intakeFiles';
import type { IntakeOptions } from '../pipeline/intake/intakeFiles';
import { ROOT } from '../test/pipeline/e2e/cliProcess';
import { makeBatch } from './batch';

/** Files per line of the warm-up report. */
const SLICE = 250;

/** The value of `--name` in argv, else the fallback. */
function option(argv: readonly string[], name: string, fallback: string): string {
  const at = argv.indexOf(name);
  return at >= 0 ? (argv[at + 1] ?? fallback) : fallback;
}

/** CPU milliseconds (user + system) of this process so far. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The bench's format name of an outcome (its extension and encoding). */
function formatOf(outcome: FileOutcome): string {
  const ext = /\.[^.]+$/u.exec(outcome.file)?.[0] ?? '';
  return `${ext} ${outcome.encoding ?? 'unread'}`;
}

/** A stable text of an outcome for the digest: typed arrays as plain arrays, NaN spelled out. */
function stableText(outcome: FileOutcome): string {
  return JSON.stringify(outcome, (_key, value: unknown) => {
    if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
    if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
    return value;
  });
}

async function main(argv: string[]): Promise<void> {
  const files = Number(option(argv, '--files', '3000'));
  const dir = option(argv, '--dir', join(tmpdir(), `intake-cpu-${files}`));
  if (!existsSync(dir)) {
    const batch = await makeBatch(dir, files);
    console.error(`made ${batch.files} files (${batch.rows} rows) in ${dir}`);
  }
  const names = readdirSync(dir).sort();
  const schema = loadSchema();
  const options = { schema, layout: layoutFields(schema), registry: null, year: null };
  if (argv.includes('--pool')) {
    await benchPool(
      names.map((n) => join(dir, n)),
      options,
    );
    return;
  }

  const byFormat = new Map<string, { files: number; ms: number }>();
  const outcomes: FileOutcome[] = [];
  const slices: number[] = [];
  const t0 = cpuMs();
  for (const [i, name] of names.entries()) {
    if (i % SLICE === 0) slices.push(cpuMs());
    const before = cpuMs();
    const outcome = await intakeFile(join(dir, name), options);
    const ms = cpuMs() - before;
    outcomes.push(outcome);
    const f = byFormat.get(formatOf(outcome)) ?? { files: 0, ms: 0 };
    f.files += 1;
    f.ms += ms;
    byFormat.set(formatOf(outcome), f);
  }
  const total = cpuMs() - t0;
  console.log(`intake: ${names.length} files, ${(total / names.length).toFixed(3)} ms CPU/file`);
  // The first files run before V8 has optimised the code: a worker pays that once per thread.
  slices.push(t0 + total);
  console.log(
    `  by ${SLICE}-file slice (warm-up): ${slices
      .slice(1)
      .map((t, k) => ((t - slices[k]!) / Math.min(SLICE, names.length - k * SLICE)).toFixed(3))
      .join(' ')} ms/file`,
  );
  for (const [format, f] of [...byFormat].sort())
    console.log(
      `  ${format.padEnd(22)} ${String(f.files).padStart(5)} files ${(f.ms / f.files).toFixed(3)} ms/file`,
    );

  // What crossing threads costs: each 24-file answer is structured-cloned (serialised in the worker, read on the main thread).
  const c0 = cpuMs();
  for (let i = 0; i < outcomes.length; i += 24) structuredClone(outcomes.slice(i, i + 24));
  const cloned = cpuMs() - c0;
  console.log(
    `structured clone of the answers: ${(cloned / outcomes.length).toFixed(3)} ms CPU/file`,
  );

  const d0 = cpuMs();
  const decision = decideIntake(outcomes, { schema, registry: null, year: null });
  console.log(
    `decideIntake: ${(cpuMs() - d0).toFixed(1)} ms CPU (${decision.accepted.length} accepted)`,
  );

  const digestFile = option(argv, '--digest', '');
  if (digestFile !== '') {
    const hash = createHash('sha256');
    for (const o of outcomes) hash.update(stableText(o)).update('\n');
    writeFileSync(digestFile, `${hash.digest('hex')}\n`);
    console.log(`digest written to ${digestFile}`);
  }
}

/**
 * --pool: the intake as merge runs it (intakeFiles on its worker pool, COUNTY_ROLLUP_THREADS or one
 * thread per core) from the bundled worker of `npm run build`: wall time and the CPU of every thread
 * (start-up, warm-up, messages and garbage collection included).
 */
async function benchPool(paths: string[], options: IntakeOptions): Promise<void> {
  const worker = join(__dirname, 'intakeWorker.js');
  if (!existsSync(worker)) copyFileSync(join(ROOT, 'dist', 'intakeWorker.js'), worker);
  const threads = intakeThreads(paths.length);
  const c0 = cpuMs();
  const t0 = performance.now();
  const outcomes = await intakeFiles(paths, options);
  const wall = performance.now() - t0;
  const cpu = cpuMs() - c0;
  console.log(
    `pool of ${threads} threads: ${outcomes.length} files in ${(wall / 1000).toFixed(2)} s wall, ${(cpu / outcomes.length).toFixed(3)} ms CPU/file (all threads)`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
