/**
 * The one intake path of `validate` and `merge`: read a file (readers), choose its data sheet,
 * validate it (core), identify its township, cap its findings — keeping only findings and the
 * compact rows (never the grids).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import type { Registry, Schema } from '../../core/types';
import type { FieldLayout } from '../../intake/compactSheet';
import type { SheetChoice } from '../../intake/chooseSheet';
import type { FileOutcome } from '../../intake/decideIntake';
import { intakeRead } from '../../intake/intakeRead';
import type { ReadSheet, WorkbookModel } from '../../readers';
import type { MarkSource } from '../../workbook/markWorkbook';
import type { FilePath } from '../io/filePath';
import { readTownshipFile } from '../io/readTownshipFile';
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
 * Files in flight at once on a thread: reads overlap with validation, and only this many grids
 * exist at any time on each thread.
 */
const IN_FLIGHT = 8;

/**
 * Files per worker task: the main thread hands out batches, not files, so that it stays idle (the
 * cores are the workers') and a message crosses threads per batch, not per file.
 */
const BATCH_FILES = 24;

/**
 * Below this many files the workers' start-up (each loads the readers and the core: ~0.3 s of CPU,
 * measured) costs more than it saves (one file ~1–2 ms of CPU).
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
  if (threads === 0)
    return intakeInOrder(
      paths,
      (path) => intakeFile(path, options),
      (path, i) => options.onFile?.(path, i),
    );
  const { Piscina } = await import('piscina');
  const workerData: IntakeWorkerData = { schema: options.schema, registry: options.registry };
  const pool = new Piscina<IntakeTask, FileOutcome[]>({
    filename: WORKER_FILE,
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: 1000,
    workerData,
    // Tasks await file reads: 'sync' atomics would block a worker's event loop between tasks.
    atomics: 'disabled',
  });
  try {
    const batches: FilePath[][] = [];
    for (let i = 0; i < paths.length; i += BATCH_FILES)
      batches.push(paths.slice(i, i + BATCH_FILES));
    // Two batches per worker in flight: a worker never waits for this thread to hand it the next one.
    const done = await intakeInOrder(
      batches,
      (batch) => pool.run({ paths: batch.map(taskPath), year: options.year }),
      (batch, b) => batch.forEach((path, k) => options.onFile?.(path, b * BATCH_FILES + k)),
      2 * threads,
    );
    return done.flat();
  } finally {
    await pool.destroy();
  }
}

/** A path as a worker task carries it (a Buffer name as its bytes). */
const taskPath = (path: FilePath): string | Uint8Array =>
  typeof path === 'string' ? path : new Uint8Array(path);

/**
 * Runs `one` on every item with at most `inFlight` at once (`onStart` before each); results by
 * input index, whichever lane took an item.
 */
export async function intakeInOrder<T, R>(
  items: readonly T[],
  one: (item: T) => Promise<R>,
  onStart?: (item: T, index: number) => void,
  inFlight = IN_FLIGHT,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      onStart?.(items[i]!, i);
      results[i] = await one(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, lane));
  return results;
}

/** One file from disk: read it (Node), then the shared intake (intake/intakeRead). */
export async function intakeFile(path: FilePath, options: IntakeOptions): Promise<FileOutcome> {
  const read = await readTownshipFile(path, options.schema);
  let choice: SheetChoice | null = null;
  const outcome = intakeRead(read, options, (c) => (choice = c));
  const chosen = choice as SheetChoice | null;
  if (options.keepSource !== true || read.bytes === null || read.workbook === null || !chosen)
    return outcome;
  const sheet = read.workbook.sheets[chosen.index]!;
  return { ...outcome, source: markSource(read.file, read.bytes, read.workbook.format, sheet) };
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
