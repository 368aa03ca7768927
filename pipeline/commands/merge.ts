/** `county-rollup merge <input-dir> --out <dir>`: intake → aggregation (arquero) → summary.json, tables and documents, written atomically. */
import { stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { loadSchema } from '../../core';
import type { Registry, Schema } from '../../core/types';
import type { CliIO } from '../cli/args';
import { argProblemText, parseArgs, parseYear, usageError } from '../cli/args';
import { displayName, displayPath, type FilePath } from '../io/filePath';
import { listInputs, type InputListing } from '../io/listInputs';
import { readPrevious } from '../io/readPrevious';
import { loadRegistryOption } from './registryOption';
import { message } from '../cli/messages';
import { startProgress } from '../cli/progress';
import { writeDocuments } from '../report/writeDocuments';
import { startChartDrawer, type ChartDrawer } from '../charts/startChartDrawer';
import { phrasesFor } from '../presentation/phrases';
import { formatDate, readRunDate } from '../report/runDate';
import type { SummaryJson } from '../aggregate/summaryTypes';
import { assembleFigures } from '../aggregate/assembleFigures';
import { assembleSummary } from '../aggregate/assembleSummary';
import { buildRowsTable } from '../aggregate/buildRowsTable';
import type { PreviousSummary } from '../aggregate/compareWithPrevious';
import { layoutFields, type CompactSheet, type FieldLayout } from '../../intake/compactSheet';
import { chooseYear, decideIntake } from '../../intake/decideIntake';
import { intakeFile, intakeFiles } from '../intake/intakeFiles';
import {
  buildFindingsTable,
  buildSummaryTable,
  buildTownshipsTable,
  buildVillagesTable,
} from '../write/buildTables';
import { summaryJsonChunks } from '../write/summaryJsonChunks';
import type { MarkSource } from '../../workbook/markWorkbook';
import { writeCsv } from '../write/writeCsv';
import { bufferChunks, writeTextChunks } from '../write/writeTextChunks';
import { lockOutDir, type OutDirLock } from '../write/outDirLock';
import {
  checkOutAgainstInput,
  checkOutDir,
  recoverOutDir,
  resolveOutDir,
  writeOutDir,
  type OutDirWarning,
} from '../write/writeOutDir';
import { launcherGone, testPause } from '../cli/interrupt';
import type { TruncatedCell } from '../write/writeWorkbook';

const OUT_PROBLEM_MESSAGES = {
  parentMissing: 'outParentMissing',
  parentUnwritable: 'outParentUnwritable',
  outIsFile: 'outIsFile',
} as const;

/** What the merge was asked to do, after the arguments were checked. */
interface MergeRequest {
  input: string;
  out: string;
  year: number | null;
  county: string | null;
  charts: boolean;
  json: boolean;
  font: string | undefined;
  registry: Registry | null;
  previous: PreviousSummary | null;
}

/** Runs `merge`; returns the exit status: 0 all accepted and none missing, 1 completed with rejected/missing, 2 nothing done. */
export async function runMerge(argv: string[], io: CliIO): Promise<number> {
  const schema = loadSchema();
  const request = await readRequest(argv, io, schema);
  if (request === null) return 2;
  const lock = await takeLock(request.out, io);
  if (lock === null) return 2;
  try {
    return await mergeLocked(request, lock, schema, io);
  } finally {
    lock.release();
  }
}

/** Takes the lock beside --out and clears what an interrupted run left; null after printing who holds it. */
async function takeLock(out: string, io: CliIO): Promise<OutDirLock | null> {
  const place = await resolveOutDir(out);
  const attempt = await lockOutDir(place);
  if (!attempt.ok) {
    const unknown = message(io.lang, 'unknownValue');
    io.stderr(
      `${message(io.lang, 'outLocked', {
        path: out,
        pid: attempt.owner?.pid ?? unknown,
        host: attempt.owner?.host ?? unknown,
        since: attempt.owner === null ? unknown : localTime(attempt.owner.since),
        lock: attempt.path,
      })}\n`,
    );
    return null;
  }
  try {
    printWarnings(await recoverOutDir(place), io);
  } catch (error) {
    attempt.lock.release();
    io.stderr(`${message(io.lang, 'writeFailed', { reason: reasonOf(error) })}\n`);
    return null;
  }
  return attempt.lock;
}

/** An ISO time as the local `YYYY-MM-DD HH:MM:SS` a user reads (the text as is when it is not a time). */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** Warnings about old outputs or leftovers that could not be removed (the run goes on). */
function printWarnings(warnings: readonly OutDirWarning[], io: CliIO): void {
  for (const w of warnings)
    io.stderr(
      `${message(io.lang, w.kind === 'oldNotRemoved' ? 'oldOutNotRemoved' : 'leftoverNotRemoved', { path: w.path, reason: w.reason })}\n`,
    );
}

/** The merge proper, with the lock held. */
async function mergeLocked(
  request: MergeRequest,
  lock: OutDirLock,
  schema: Schema,
  io: CliIO,
): Promise<number> {
  let listing: InputListing;
  try {
    listing = await listInputs(request.input);
  } catch (error) {
    io.stderr(
      `${message(io.lang, 'inputNotDir', { path: request.input, reason: reasonOf(error) })}\n`,
    );
    return 2;
  }
  if (listing.ignored.length > 0)
    io.stderr(
      `${message(io.lang, 'ignoredEntries', { names: listing.ignored.join(message(io.lang, 'listSeparator')) })}\n`,
    );
  if (listing.files.length === 0) {
    io.stderr(`${message(io.lang, 'noFiles', { path: request.input })}\n`);
    return 2;
  }
  // The charts' worker starts now: it loads ECharts and resvg while this thread reads the files.
  const drawer = request.charts
    ? await startChartDrawer({
        lang: io.lang,
        ...(request.font === undefined ? {} : { fontFile: request.font }),
      })
    : null;
  try {
    return await mergeListed(listing, request, lock, schema, io, drawer);
  } finally {
    await drawer?.close();
  }
}

/** The merge of the listed files; `drawer` draws the charts beside this thread (null: --no-charts). */
async function mergeListed(
  listing: InputListing,
  request: MergeRequest,
  lock: OutDirLock,
  schema: Schema,
  io: CliIO,
  drawer: ChartDrawer | null,
): Promise<number> {
  const layout = layoutFields(schema);
  const progress = startProgress(listing.files.length, {
    stderr: io.stderr,
    isTTY: io.isTTY,
    line: (index, total, file) => message(io.lang, 'progressFile', { index, total, file }),
    barText: (bar, index, total) => message(io.lang, 'progressBar', { bar, index, total }),
  });
  const run = await assembleRun(listing.files, request, schema, layout, (path) =>
    progress.step(relative(request.input, displayPath(path))),
  );
  progress.finish();

  const { summary } = run;
  // Drawn on the worker while the tables, the workbook and returns/ are written on this thread; a
  // failure is reported where the documents await it (not as an unhandled rejection meanwhile).
  const drawing = drawer?.draw(summary);
  drawing?.catch(() => undefined);
  // The documents' date (draft's date line, workbook title): COUNTY_ROLLUP_DATE or today.
  const runDate = readRunDate(process.env);
  let warnings: OutDirWarning[];
  try {
    warnings = await writeOutDir(
      request.out,
      async (dir) => {
        await writeTables(
          dir,
          summary,
          schema,
          layout,
          run.accepted,
          request.registry?.townships.map((t) => t.name) ?? null,
          formatDate(runDate.date, phrasesFor(io.lang)),
          io,
        );
        // The rows were needed for the roster only: let them go before the documents are built.
        run.accepted = [];
        // returns/: the rejected files are read again one by one (the intake kept no grids).
        const { writeReturns } = await import('../write/writeReturns');
        const returns = await writeReturns(dir, summary, {
          schema,
          loadSource: (file) =>
            loadSource(listing.files, file, summary.year, request, schema, layout),
        });
        await writeDocuments(summary, dir, {
          returns,
          charts: request.charts,
          ...(runDate.invalid === null ? { date: runDate.date } : {}),
          ...(drawing === undefined ? {} : { drawing }),
          lang: io.lang,
          stderr: io.stderr,
        });
      },
      {
        beforeCommit: async () => {
          await testPause('filled', io.stderr);
          if (launcherGone()) throw new Error(message(io.lang, 'launcherGone'));
          if (!(await lock.held()))
            throw new Error(message(io.lang, 'lockLost', { lock: lock.path }));
        },
      },
    );
  } catch (error) {
    io.stderr(`${message(io.lang, 'writeFailed', { reason: reasonOf(error) })}\n`);
    return 2;
  }
  printWarnings(warnings, io);

  // Serialised again rather than kept: on a nation-sized run the text is hundreds of MB.
  if (request.json) for (const block of bufferChunks(summaryJsonChunks(summary))) io.stdout(block);
  const { townships } = summary;
  io.stderr(
    `${message(io.lang, 'done', {
      year: summary.year ?? message(io.lang, 'unknownYear'),
      accepted: townships.accepted.length,
      expected: townships.expected,
      villages: summary.villages,
      rejected: townships.rejected.length,
      missing: townships.missing.length,
      out: request.out,
    })}\n`,
  );
  const misnamed = townships.misnamed ?? [];
  if (misnamed.length > 0)
    io.stderr(
      `${message(io.lang, 'doneMisnamed', {
        list: misnamed
          .map((m) => message(io.lang, 'doneMisnamedItem', { township: m.township, file: m.file }))
          .join(message(io.lang, 'doneMisnamedSeparator')),
      })}\n`,
    );
  return townships.rejected.length > 0 || townships.missing.length > 0 ? 1 : 0;
}

/** A rejected file's 标注版 source, read again with the merge's year (so a workbook's sheet of that year is the one marked). */
async function loadSource(
  files: readonly FilePath[],
  file: string,
  year: number | null,
  request: MergeRequest,
  schema: Schema,
  layout: FieldLayout,
): Promise<MarkSource | null> {
  const path = files.find((p) => displayName(p) === file);
  if (path === undefined) return null;
  const outcome = await intakeFile(path, {
    schema,
    layout,
    registry: request.registry,
    year: request.year ?? year,
    keepSource: true,
  });
  return outcome.source ?? null;
}

/**
 * Intake, decisions, aggregation and summary. Its own function so that what only these steps need
 * (file outcomes, raw findings, the rows table) is garbage before the outputs are written.
 */
async function assembleRun(
  files: readonly FilePath[],
  request: MergeRequest,
  schema: Schema,
  layout: FieldLayout,
  onFile: (path: FilePath) => void,
): Promise<{ summary: SummaryJson; accepted: CompactSheet[] }> {
  const options = { schema, layout, registry: request.registry, year: request.year };
  const outcomes = await intakeFiles(files, { ...options, onFile });
  // Without --year: a workbook with several entry sheets is read again once the year is chosen,
  // so its sheet of that year is the one merged (schema decisions).
  const year = chooseYear(outcomes, request.year);
  if (request.year === null && year !== null)
    for (const [i, o] of outcomes.entries())
      if (o.multiSheet && o.year !== year)
        outcomes[i] = await intakeFile(files[i]!, { ...options, year });
  const decision = decideIntake(outcomes, {
    schema,
    registry: request.registry,
    year: request.year,
  });
  const figures = assembleFigures(buildRowsTable(decision.accepted, layout), schema);
  const summary = assembleSummary({
    schema,
    decision,
    county: figures.county,
    byTownship: figures.byTownship,
    countyName: request.county,
    previous: request.previous,
  });
  return { summary, accepted: decision.accepted };
}

/** Writes summary.json, the CSV tables and the workbook into `dir` (the temporary folder). */
async function writeTables(
  dir: string,
  summary: SummaryJson,
  schema: Schema,
  layout: FieldLayout,
  accepted: readonly CompactSheet[],
  registryOrder: readonly string[] | null,
  date: string,
  io: CliIO,
): Promise<void> {
  // 2-space indented, key order as built, final newline: identical inputs give identical bytes.
  writeTextChunks(join(dir, 'summary.json'), summaryJsonChunks(summary));
  // 分乡镇 in the registry's order when there is one (the order the county lists its townships).
  const townships = buildTownshipsTable(summary, schema, registryOrder);
  const villages = buildVillagesTable(accepted, layout, schema);
  const findings = buildFindingsTable(summary, schema);
  // Excel's cell limit cuts long text in the workbook only; the CSV files keep it whole.
  const marker = message(io.lang, 'xlsxCellMarker');
  const cut: TruncatedCell[] = [];
  // exceljs (~0.16 s of CPU to load) only now, once the summary has gone to the charts' worker:
  // loaded before intake it delayed the summary, and so the charts, by as much.
  const { columnLetters, EXCEL_CELL_CHARS, writeWorkbook } = await import('../write/writeWorkbook');
  writeCsv(join(dir, 'townships.csv'), townships);
  writeCsv(join(dir, 'villages.csv'), villages);
  writeCsv(join(dir, 'findings.csv'), findings);
  await writeWorkbook(
    join(dir, 'county-summary.xlsx'),
    [buildSummaryTable(summary, schema, { date }), townships, villages, findings],
    {
      // A fixed document date (the year's last day), so a rerun on the same inputs writes the same metadata.
      ...(summary.year === null ? {} : { date: new Date(Date.UTC(summary.year, 11, 31)) }),
      cellText: { marker, onTruncate: (where) => cut.push(where) },
    },
  );
  const first = cut[0];
  if (first !== undefined)
    io.stderr(
      `${message(io.lang, 'xlsxCellsTruncated', {
        count: cut.length,
        limit: EXCEL_CELL_CHARS,
        marker,
        sheet: first.sheet,
        cell: `${columnLetters(first.column)}${first.row}`,
      })}\n`,
    );
}

/** Checks the arguments, the output location, the registry and --previous; prints why and returns null when the run cannot start (exit 2). */
async function readRequest(
  argv: string[],
  io: CliIO,
  schema: Schema,
): Promise<MergeRequest | null> {
  const fail = (text: string): null => {
    io.stderr(`${text}\n`);
    return null;
  };
  const args = parseArgs(argv, {
    flags: ['--json', '--no-charts'],
    options: ['--out', '--registry', '--year', '--county', '--previous', '--font', '--lang'],
  });
  if (!args.ok) return fail(argProblemText(io.lang, args.error));
  const [input, ...extra] = args.positionals;
  if (input === undefined) return fail(usageError(io.lang, 'missingInput'));
  if (extra.length > 0) return fail(usageError(io.lang, 'unknownOption', { option: extra[0]! }));
  const out = args.options.get('--out');
  if (out === undefined) return fail(usageError(io.lang, 'missingOut'));
  const yearText = args.options.get('--year');
  const year = yearText === undefined ? null : parseYear(yearText);
  if (yearText !== undefined && year === null)
    return fail(message(io.lang, 'badYear', { value: yearText }));
  const county = args.options.get('--county')?.trim() ?? null;
  if (county === '') return fail(message(io.lang, 'badCounty'));

  const inputInfo = await stat(input).then(
    (info) => (info.isDirectory() ? null : 'ENOTDIR'),
    (error: unknown) => reasonOf(error),
  );
  if (inputInfo !== null)
    return fail(message(io.lang, 'inputNotDir', { path: input, reason: inputInfo }));
  // Replacing --out must never touch the inputs: compared by real path (links, linked parents).
  const clash = await checkOutAgainstInput(out, input);
  if (clash !== null) return fail(message(io.lang, clash, { path: out, input }));
  const outProblem = await checkOutDir(out);
  if (outProblem !== null)
    return fail(message(io.lang, OUT_PROBLEM_MESSAGES[outProblem], { path: out }));

  const registry = await loadRegistryOption(args.options.get('--registry'), schema, io);
  if (registry === 'failed') return null;

  let previous: PreviousSummary | null = null;
  const previousPath = args.options.get('--previous');
  if (previousPath !== undefined) {
    previous = await readPrevious(previousPath);
    if (previous === null) return fail(message(io.lang, 'previousBad', { path: previousPath }));
  }
  return {
    input,
    out,
    year,
    county,
    charts: !args.flags.has('--no-charts'),
    json: args.flags.has('--json'),
    font: args.options.get('--font'),
    registry,
    previous,
  };
}

/** A short reason from an error (its code when it has one, e.g. EACCES). */
function reasonOf(error: unknown): string {
  if (error instanceof Error)
    return 'code' in error && typeof error.code === 'string' ? error.code : error.message;
  return String(error);
}
