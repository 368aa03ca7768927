/**
 * `npm run bench [-- --quick]`: core throughput, merge on a province-sized and a nation-sized batch
 * (--no-charts), and the full example-county run with charts and documents. Prints a table.
 * --quick: core throughput and a small batch only (a smoke test). Temp folders are removed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT } from '../test/pipeline/e2e/cliProcess';
import { benchCore } from './core';
import { makeBatch, timeRun } from './merge';

/** One line of the result table. */
interface Line {
  what: string;
  files: number | null;
  rows: number | null;
  genSeconds: number | null;
  seconds: number;
  peakMiB: number | null;
  status: number | null;
  note: string;
}

const TARGET_SECONDS = 60;
// 1.5 GB read strictly (decimal): 1.5e9 bytes ≈ 1,430 MiB.
const TARGET_MIB = 1.5e9 / 2 ** 20;

const fmt = (n: number | null, digits = 0): string =>
  n === null
    ? '—'
    : n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Prints the result table (Markdown, so it can go straight into a note). */
function printTable(lines: readonly Line[]): void {
  console.log(
    '\n| run | files | rows | generate s | wall s | files/s | rows/s | peak RSS MiB | exit | note |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const l of lines) {
    const perS = (n: number | null): string =>
      n === null || l.seconds === 0 ? '—' : fmt(n / l.seconds);
    console.log(
      `| ${l.what} | ${fmt(l.files)} | ${fmt(l.rows)} | ${fmt(l.genSeconds, 1)} | ${fmt(l.seconds, 2)} | ${perS(l.files)} | ${perS(l.rows)} | ${fmt(l.peakMiB)} | ${l.status ?? '—'} | ${l.note} |`,
    );
  }
}

/** Generates a batch of `files` township files, merges it with --no-charts, and removes both folders. */
async function benchBatch(cli: string, what: string, files: number, work: string): Promise<Line> {
  const dir = join(work, what);
  try {
    console.error(`[bench] ${what}: generating ${files.toLocaleString('en')} files …`);
    const batch = await makeBatch(join(dir, 'in'), files);
    console.error(
      `[bench] ${what}: ${batch.rows.toLocaleString('en')} rows, ${(batch.bytes / 2 ** 20).toFixed(1)} MiB in ${batch.seconds.toFixed(1)} s; merging …`,
    );
    const t = await timeRun(
      cli,
      ['merge', batch.dir, '--out', join(dir, 'out'), '--no-charts'],
      join(dir, 'stderr.log'),
    );
    console.error(`[bench] ${what}: ${t.seconds.toFixed(2)} s, exit ${t.status}: ${t.lastLine}`);
    if (t.status !== 0 && t.status !== 1)
      console.error(`[bench] ${what}: stderr ended with:\n  ${t.tail.join('\n  ')}`);
    return {
      what,
      files,
      rows: batch.rows,
      genSeconds: batch.seconds,
      seconds: t.seconds,
      peakMiB: t.peakMiB,
      status: t.status,
      note: t.lastLine.slice(0, 80),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the benchmarks named by argv and prints the table. */
async function runBench(argv: string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const lines: Line[] = [];

  console.error('[bench] core: validateGrid on a 10,000-row grid …');
  const core = await benchCore();
  lines.push({
    what: 'core validateGrid (CPU, best of 5)',
    files: null,
    rows: core.rows,
    genSeconds: null,
    seconds: core.seconds,
    peakMiB: null,
    status: null,
    note: `${fmt(core.rowsPerSecond)} rows/s (target ≥ 200,000)`,
  });

  // Measure what users run: the CLI built from the current source, started through bin/county-rollup.js
  // (whose heap cap is part of the product's memory behaviour).
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--cli-only'], { cwd: ROOT });
  const bundle = { cli: join(ROOT, 'bin', 'county-rollup.js') };
  const work = mkdtempSync(join(tmpdir(), 'county-bench-'));
  try {
    if (quick) {
      lines.push(await benchBatch(bundle.cli, 'small batch', 200, work));
    } else {
      lines.push(await benchBatch(bundle.cli, 'province (3,000 files)', 3_000, work));
      const nation = await benchBatch(bundle.cli, 'nation (40,000 files)', 40_000, work);
      const ok =
        nation.seconds < TARGET_SECONDS && nation.peakMiB !== null && nation.peakMiB < TARGET_MIB;
      nation.note = `${ok ? 'MEETS' : 'MISSES'} target < 60 s and < 1.5 GB; ${nation.note}`;
      lines.push(nation);

      console.error('[bench] example county: full run with charts and documents …');
      const out = join(work, 'example-out');
      const t = await timeRun(
        bundle.cli,
        [
          'merge',
          join(ROOT, 'examples', 'townships'),
          '--registry',
          join(ROOT, 'examples', 'registry.csv'),
          '--previous',
          join(ROOT, 'examples', 'previous', 'summary.json'),
          '--out',
          out,
        ],
        join(work, 'example.log'),
      );
      lines.push({
        what: 'example county, full (charts, docx, html)',
        files: 30,
        rows: 350,
        genSeconds: null,
        seconds: t.seconds,
        peakMiB: t.peakMiB,
        status: t.status,
        note: t.lastLine.slice(0, 80),
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  printTable(lines);
}

runBench(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
