/**
 * `npm run bench [-- --quick]`: every figure of the speed table, each with its target —
 * core throughput on unique-name rows, `--help` start-up against `node -e 0`, merge on a
 * province- and a nation-sized batch of realistic files (bench/batch.ts) with the analyst's pandas
 * script (bench/pandas_peer.py) side by side on the same folder, and the example county's full run.
 * --quick: core, start-up and a 200-file batch with its pandas peer (a smoke test). Temp folders are removed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../test/pipeline/e2e/cliProcess';
import { makeBatch } from './batch';
import type { Batch } from './batch';
import { benchCore } from './core';
import { timeCommand, timeRun } from './merge';
import type { MergeTiming } from './merge';

/** One line of the result table. */
interface Line {
  what: string;
  files: number | null;
  rows: number | null;
  seconds: number;
  peakMiB: number | null;
  status: number | null;
  /** The figure compared with its target, e.g. "ratio 0.43". */
  figure: string;
  target: string;
  /** True when the target is met, null when there is none or it could not be measured. */
  meets: boolean | null;
  note: string;
}

/** Targets of the speed table (README "Speed and memory"). */
const TARGET = {
  coreRowsPerSecond: 500_000,
  helpRatio: 2.5,
  provinceRatio: 0.5,
  nationSeconds: 45,
  // "1 GB" read strictly (decimal): 1e9 bytes ≈ 954 MiB.
  nationMiB: 1e9 / 2 ** 20,
  exampleSeconds: 1.5,
};

const fmt = (n: number | null, digits = 0): string =>
  n === null
    ? '—'
    : n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const verdict = (meets: boolean | null): string =>
  meets === null ? '—' : meets ? 'MEETS' : 'MISSES';

/** Prints the result table (Markdown, so it can go straight into a note). */
function printTable(lines: readonly Line[]): void {
  console.log(
    '\n| run | files | rows | wall s | peak RSS MiB | exit | figure | target | verdict | note |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---|---|---|---|');
  for (const l of lines)
    console.log(
      `| ${l.what} | ${fmt(l.files)} | ${fmt(l.rows)} | ${fmt(l.seconds, 2)} | ${fmt(l.peakMiB)} | ${l.status ?? '—'} | ${l.figure} | ${l.target} | ${verdict(l.meets)} | ${l.note} |`,
    );
}

/** The python3 that has pandas (Debian's python3-pandas lives under /usr/bin), else null. */
function pandasPython(): string | null {
  for (const python of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(python, ['-c', 'import pandas, openpyxl'], { stdio: 'ignore' });
    if (probe.status === 0) return python;
  }
  return null;
}

/** Median wall seconds of `runs` runs of a command (stdout and stderr discarded). */
function medianSeconds(command: readonly string[], runs: number): number {
  const [program = process.execPath, ...args] = command;
  const times: number[] = [];
  for (let k = 0; k < runs; k += 1) {
    const t0 = performance.now();
    spawnSync(program, args, { stdio: 'ignore' });
    times.push((performance.now() - t0) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** A merge line from its timing. */
function mergeLine(what: string, batch: Batch, t: MergeTiming): Line {
  const mix = Object.entries(batch.formats)
    .map(([f, n]) => `${f} ${n}`)
    .join(', ');
  return {
    what,
    files: batch.files,
    rows: batch.rows,
    seconds: t.seconds,
    peakMiB: t.peakMiB,
    status: t.status,
    figure: '',
    target: '',
    meets: null,
    note: `${mix}; ${t.lastLine.slice(0, 60)}`,
  };
}

/**
 * Generates a batch, merges it with --no-charts and, when pandas is there, runs the pandas peer on
 * the same folder right after; removes the folders. Returns the merge line and the peer's line.
 */
async function benchBatch(
  cli: string,
  what: string,
  files: number,
  work: string,
  python: string | null,
): Promise<{ merge: Line; peer: Line | null }> {
  const dir = join(work, what.replace(/\W+/g, '-'));
  try {
    console.error(`[bench] ${what}: generating ${files.toLocaleString('en')} files …`);
    const batch = await makeBatch(join(dir, 'in'), files);
    console.error(
      `[bench] ${what}: ${batch.rows.toLocaleString('en')} rows, ${(batch.bytes / 2 ** 20).toFixed(1)} MiB in ${batch.seconds.toFixed(1)} s; merging …`,
    );
    const t = await timeRun(
      cli,
      ['merge', batch.dir, '--out', join(dir, 'out'), '--no-charts'],
      join(dir, 'merge.log'),
    );
    console.error(`[bench] ${what}: ${t.seconds.toFixed(2)} s, exit ${t.status}: ${t.lastLine}`);
    if (t.status !== 0 && t.status !== 1)
      console.error(`[bench] ${what}: stderr ended with:\n  ${t.tail.join('\n  ')}`);
    const merge = mergeLine(what, batch, t);
    if (python === null) return { merge, peer: null };
    console.error(`[bench] ${what}: pandas peer on the same folder …`);
    const p = await timeCommand(
      [python, join(ROOT, 'bench', 'pandas_peer.py'), batch.dir, join(dir, 'pandas-out')],
      join(dir, 'pandas.log'),
    );
    console.error(
      `[bench] ${what}: pandas ${p.seconds.toFixed(2)} s, exit ${p.status}: ${p.lastLine}`,
    );
    const peer: Line = {
      what: `${what}: pandas read+concat+groupby+to_csv`,
      files: batch.files,
      rows: batch.rows,
      seconds: p.seconds,
      peakMiB: p.peakMiB,
      status: p.status,
      figure: '',
      target: '',
      meets: null,
      note: p.lastLine.slice(0, 60),
    };
    return { merge, peer };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Sets a merge line's ratio to its pandas peer against the target. */
function compareWithPeer(merge: Line, peer: Line | null, target: number): void {
  if (peer === null || peer.status !== 0) {
    merge.figure = 'ratio —';
    merge.target = `≤ ${target} × pandas`;
    merge.note = `pandas peer not run (Debian python3-pandas, python3-openpyxl); ${merge.note}`;
    return;
  }
  const ratio = merge.seconds / peer.seconds;
  merge.figure = `ratio ${ratio.toFixed(2)}`;
  merge.target = `≤ ${target} × pandas`;
  merge.meets = ratio <= target && (merge.status === 0 || merge.status === 1);
}

/** Runs the benchmarks named by argv and prints the table. */
async function runBench(argv: string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const lines: Line[] = [];

  console.error('[bench] core: validateGrid on 10,000-row grids of unique names …');
  const core = await benchCore();
  lines.push({
    what: 'core validateGrid, unique-name rows (CPU, best of 10 fresh grids)',
    files: null,
    rows: core.rows,
    seconds: core.seconds,
    peakMiB: null,
    status: null,
    figure: `${fmt(core.rowsPerSecond)} rows/s`,
    target: `≥ ${fmt(TARGET.coreRowsPerSecond)} rows/s`,
    meets: core.rowsPerSecond >= TARGET.coreRowsPerSecond,
    note: 'one core',
  });

  // Measure what users run: the CLI built from the current source, started through bin/county-rollup.js
  // (whose heap cap is part of the product's memory behaviour).
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--cli-only'], { cwd: ROOT });
  const cli = join(ROOT, 'bin', 'county-rollup.js');

  console.error('[bench] start-up: county-rollup --help against node -e 0 …');
  const bare = medianSeconds([process.execPath, '-e', '0'], 7);
  const help = medianSeconds([process.execPath, cli, '--help'], 7);
  const helpRatio = help / bare;
  lines.push({
    what: '`county-rollup --help` (median of 7)',
    files: null,
    rows: null,
    seconds: help,
    peakMiB: null,
    status: null,
    figure: `${helpRatio.toFixed(1)} × node -e 0 (${bare.toFixed(3)} s)`,
    target: `≤ ${TARGET.helpRatio} ×`,
    meets: helpRatio <= TARGET.helpRatio,
    note: '',
  });

  const python = pandasPython();
  if (python === null)
    console.error('[bench] no python3 with pandas and openpyxl: the pandas peer is not run');
  const work = mkdtempSync(join(tmpdir(), 'county-bench-'));
  try {
    if (quick) {
      const { merge, peer } = await benchBatch(cli, 'small batch (200 files)', 200, work, python);
      compareWithPeer(merge, peer, TARGET.provinceRatio);
      lines.push(merge, ...(peer ? [peer] : []));
    } else {
      const province = await benchBatch(cli, 'province (3,000 files)', 3_000, work, python);
      compareWithPeer(province.merge, province.peer, TARGET.provinceRatio);
      lines.push(province.merge, ...(province.peer ? [province.peer] : []));

      const nation = (await benchBatch(cli, 'nation (40,000 files)', 40_000, work, null)).merge;
      nation.figure = `${nation.seconds.toFixed(1)} s, ${fmt(nation.peakMiB)} MiB`;
      nation.target = `≤ ${TARGET.nationSeconds} s, ≤ 1 GB (${fmt(TARGET.nationMiB)} MiB)`;
      nation.meets =
        (nation.status === 0 || nation.status === 1) &&
        nation.seconds <= TARGET.nationSeconds &&
        nation.peakMiB !== null &&
        nation.peakMiB <= TARGET.nationMiB;
      lines.push(nation);

      console.error('[bench] example county: full run with charts and documents …');
      const t = await timeRun(
        cli,
        [
          'merge',
          join(ROOT, 'examples', 'townships'),
          '--registry',
          join(ROOT, 'examples', 'registry.csv'),
          '--previous',
          join(ROOT, 'examples', 'previous', 'summary.json'),
          '--out',
          join(work, 'example-out'),
        ],
        join(work, 'example.log'),
      );
      lines.push({
        what: 'example county, full (charts, workbook, html, docx)',
        files: 30,
        rows: 350,
        seconds: t.seconds,
        peakMiB: t.peakMiB,
        status: t.status,
        figure: `${t.seconds.toFixed(2)} s`,
        target: `≤ ${TARGET.exampleSeconds} s`,
        // The example has one township rejected on purpose: exit 1 is its expected result.
        meets: t.status === 1 && t.seconds <= TARGET.exampleSeconds,
        note: t.lastLine.slice(0, 60),
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
