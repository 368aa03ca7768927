/**
 * The one intake path of `validate` and `merge`: read a file (readers), choose its data sheet,
 * validate it (core), identify its township, cap its findings — keeping only findings and the
 * compact rows (never the grids).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { makeFinding, resolveTownship } from '../../core';
import { extname } from 'node:path';
import type { Finding, Registry, Schema } from '../../core/types';
import type { ReadSheet, WorkbookModel } from '../../readers';
import type { MarkSource } from '../../workbook/markWorkbook';
import type { FilePath } from '../io/filePath';
import { readTownshipFile } from '../io/readTownshipFile';
import { capFindings } from './capFindings';
import { chooseSheet } from './chooseSheet';
import { compactSheet, type FieldLayout } from './compactSheet';
import type { FileOutcome } from './decideIntake';
import { guessMisnamed } from './misnamed';
import type { IntakeTask, IntakeWorkerData } from './intakeWorker';

/** Options of intakeFiles. */
export interface IntakeOptions {
  schema: Schema;
  layout: FieldLayout;
  registry: Registry | null;
  /** --year (the core then flags a different year itself); without it the majority is applied later. */
  year: number | null;
  /** Keep the bytes and the validated grid (FileOutcome.source) for a 标注版; off for merge's intake, which keeps no grid. */
  keepSource?: boolean;
  /** Called before each file (progress). */
  onFile?: (file: FilePath, index: number) => void;
}

/**
 * Files in flight at once: reads overlap with validation (which runs on this thread anyway), and
 * only this many grids exist at any time. With workers: this many per worker.
 */
const IN_FLIGHT = 8;

/**
 * Below this many files the workers' start-up (each loads the readers and the core: ~0.3 s of CPU,
 * measured) costs more than it saves (one file ~1 ms of CPU).
 */
export const WORKER_MIN_FILES = 1000;

/**
 * Worker threads for a batch of `files`: COUNTY_ROLLUP_THREADS when set (0 or 1: none), else one per
 * core when there are at least WORKER_MIN_FILES files and the bundled worker (dist/intakeWorker.js) is there.
 */
export function intakeThreads(files: number, env: NodeJS.ProcessEnv = process.env): number {
  if (!existsSync(WORKER_FILE)) return 0;
  const set = env.COUNTY_ROLLUP_THREADS;
  if (set !== undefined && /^\d+$/.test(set)) {
    const n = Number(set);
    return n <= 1 ? 0 : Math.min(n, 16);
  }
  const cores = availableParallelism();
  return files >= WORKER_MIN_FILES && cores > 1 ? Math.min(cores, 8) : 0;
}

/** The bundled worker beside the bundled CLI (absent when run from source, e.g. under jest). */
const WORKER_FILE = join(__dirname, 'intakeWorker.js');

/**
 * Reads, validates and compacts every file; outcomes in the order given — on this thread or on
 * worker threads (intakeThreads), with the same result either way: each outcome depends on its file only.
 */
export async function intakeFiles(
  paths: readonly FilePath[],
  options: IntakeOptions,
): Promise<FileOutcome[]> {
  const threads = intakeThreads(paths.length);
  if (threads === 0) return inOrder(paths, IN_FLIGHT, options, (path) => intakeFile(path, options));
  const { Piscina } = await import('piscina');
  const workerData: IntakeWorkerData = { schema: options.schema, registry: options.registry };
  const pool = new Piscina<IntakeTask, FileOutcome>({
    filename: WORKER_FILE,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    workerData,
  });
  try {
    // This thread takes files too (one at a time) while the workers start and between their answers.
    return await inOrder(
      paths,
      IN_FLIGHT * threads,
      options,
      (path) => pool.run({ path, year: options.year }),
      (path) => intakeFile(path, options),
    );
  } finally {
    await pool.destroy();
  }
}

/**
 * Runs `one` on every path with at most `inFlight` at once, plus one lane of `local` when given;
 * outcomes by input index (whichever lane took a file).
 */
async function inOrder(
  paths: readonly FilePath[],
  inFlight: number,
  options: IntakeOptions,
  one: (path: FilePath) => Promise<FileOutcome>,
  local?: (path: FilePath) => Promise<FileOutcome>,
): Promise<FileOutcome[]> {
  const outcomes = new Array<FileOutcome>(paths.length);
  let next = 0;
  const lane = async (run: (path: FilePath) => Promise<FileOutcome>): Promise<void> => {
    while (next < paths.length) {
      const i = next++;
      options.onFile?.(paths[i]!, i);
      outcomes[i] = await run(paths[i]!);
    }
  };
  const lanes = Array.from({ length: Math.min(inFlight, paths.length) }, () => lane(one));
  if (local !== undefined) lanes.push(lane(local));
  await Promise.all(lanes);
  return outcomes;
}

/**
 * One file: read → choose the sheet → validateGrid → identity, year, county, capped findings, and
 * the compact rows when it has no error. A file rejected at reading still gets its township from
 * its file name (§7.7), so that township is listed as rejected, not missing (§7.10).
 */
export async function intakeFile(path: FilePath, options: IntakeOptions): Promise<FileOutcome> {
  const { schema, registry } = options;
  const read = await readTownshipFile(path, schema);
  const base = {
    file: read.file,
    sha256: read.sha256,
    encoding: read.encoding,
    rows: 0,
    compact: null,
    droppedErrors: 0,
  };
  if (read.workbook === null) {
    const named = townshipFromFileName(read.file, registry, schema);
    return {
      ...base,
      township: named.township,
      year: null,
      yearSource: null,
      yearAt: null,
      sheetName: null,
      county: null,
      findings: read.findings,
      readFailed: true,
      multiSheet: false,
      misnamed: named.misnamed,
    };
  }

  const choice = chooseSheet(read.workbook, {
    schema,
    registry,
    fileName: read.file,
    year: options.year,
  });
  const sheet = choice.parsed;
  const findings: Finding[] = [
    ...read.findings,
    ...(choice.warning === null ? [] : [choice.warning]),
    ...sheet.findings,
  ];
  // A name the registry does not know is not an identity: it must neither count as present nor clash as a duplicate.
  const unknown = findings.find((f) => f.code === 'E_UNKNOWN_TOWNSHIP');
  const township = unknown === undefined ? sheet.township : null;
  if (township === null && unknown === undefined)
    findings.push(makeFinding(schema, 'E_UNKNOWN_TOWNSHIP', { value: read.file }));
  const capped = capFindings(findings, schema);
  const hasError = capped.droppedErrors > 0 || findings.some((f) => f.severity === 'error');
  const chosen = read.workbook.sheets[choice.index]!;
  const source =
    options.keepSource === true && read.bytes !== null
      ? { source: markSource(read.file, read.bytes, read.workbook.format, chosen) }
      : {};
  return {
    ...base,
    ...source,
    township,
    year: sheet.year,
    yearSource: sheet.yearSource,
    yearAt: sheet.yearAt,
    // Named in messages only when the workbook has more than one sheet.
    sheetName: read.workbook.sheets.length > 1 ? chosen.name : null,
    county: sheet.county,
    findings: capped.findings,
    droppedErrors: capped.droppedErrors,
    rows: sheet.villages.length,
    readFailed: false,
    multiSheet: choice.candidates > 1,
    misnamed:
      unknown !== undefined && registry !== null
        ? guessMisnamed(unknown.value ?? read.file, registry)
        : null,
    compact:
      hasError || township === null
        ? null
        : compactSheet(sheet, options.layout, read.file, township),
  };
}

/** The 标注版's source: the bytes, the format as read (a renamed .xlsx is an .xlsx), the sheet and its grid. */
function markSource(
  file: string,
  bytes: Uint8Array,
  format: WorkbookModel['format'],
  sheet: ReadSheet,
): MarkSource {
  const text = extname(file).toLowerCase() === '.txt' ? 'txt' : 'csv';
  return {
    bytes,
    fileName: file,
    format: format === 'text' ? text : format,
    sheetName: format === 'text' ? null : sheet.name,
    grid: sheet.grid,
  };
}

/**
 * The township a file's name gives (§7.7) for a file rejected before its content was read. Without
 * a registry only a name ending in 镇/乡/街道 counts (readme.txt is no township).
 */
function townshipFromFileName(
  file: string,
  registry: Registry | null,
  schema: Schema,
): { township: string | null; misnamed: FileOutcome['misnamed'] } {
  const resolved = resolveTownship(null, file, registry, schema);
  if (resolved.township !== null) {
    const ok =
      registry !== null ||
      schema.township.levelSuffixes.some((s) => resolved.township!.endsWith(s));
    return { township: ok ? resolved.township : null, misnamed: null };
  }
  return {
    township: null,
    misnamed: registry === null ? null : guessMisnamed(resolved.finding?.value ?? file, registry),
  };
}
