/** Reads and validates the township files one at a time, keeping only findings and the compact rows (never the grids). */
import { makeFinding, validateGrid } from '../../core';
import type { Finding, Registry, Schema } from '../../core/types';
import { readTownshipFile } from '../io/readTownshipFile';
import { compactSheet, type FieldLayout } from './compactSheet';
import type { FileOutcome } from './decideIntake';

/** Options of intakeFiles. */
export interface IntakeOptions {
  schema: Schema;
  layout: FieldLayout;
  registry: Registry | null;
  /** --year (the core then flags a different 年度 itself); without it the majority is applied later. */
  year: number | null;
  /** Called before each file (progress). */
  onFile?: (file: string, index: number) => void;
}

/**
 * Files in flight at once: reads overlap with validation (which runs on this thread anyway), and
 * only this many grids exist at any time.
 */
const IN_FLIGHT = 8;

/** Reads, validates and compacts every file; outcomes in the order given. */
export async function intakeFiles(
  paths: readonly string[],
  options: IntakeOptions,
): Promise<FileOutcome[]> {
  const outcomes = new Array<FileOutcome>(paths.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const i = next++;
      options.onFile?.(paths[i]!, i);
      outcomes[i] = await intakeFile(paths[i]!, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, paths.length) }, worker));
  return outcomes;
}

/** One file: read → validateGrid → identity, year, county, findings, and the compact rows when it has no error. */
export async function intakeFile(path: string, options: IntakeOptions): Promise<FileOutcome> {
  const { schema } = options;
  const read = await readTownshipFile(path, schema);
  const base = { file: read.file, sha256: read.sha256, encoding: read.encoding };
  if (read.grid === null)
    return {
      ...base,
      township: null,
      year: null,
      county: null,
      findings: read.findings,
      rows: 0,
      compact: null,
    };
  const sheet = validateGrid(read.grid, {
    schema,
    registry: options.registry,
    fileName: read.file,
    year: options.year,
  });
  const findings: Finding[] = [...read.findings, ...sheet.findings];
  // A name the registry does not know is not an identity: it must neither count as present nor clash as a duplicate.
  const unknown = findings.some((f) => f.code === 'E_UNKNOWN_TOWNSHIP');
  const township = unknown ? null : sheet.township;
  if (township === null && !unknown)
    findings.push(makeFinding(schema, 'E_UNKNOWN_TOWNSHIP', { value: read.file }));
  const hasError = findings.some((f) => f.severity === 'error');
  return {
    ...base,
    township,
    year: sheet.metadata.year,
    county: sheet.county,
    findings,
    rows: sheet.villages.length,
    compact:
      hasError || township === null
        ? null
        : compactSheet(sheet, options.layout, read.file, township),
  };
}
