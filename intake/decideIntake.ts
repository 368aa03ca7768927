/** The merge's intake decisions over all files at once: the year, wrong-year and duplicate-township rejections, missing townships. Pure. */
import { makeFinding, yearMismatchFinding } from '../core';
import type { Finding, Registry, Schema, YearSource } from '../core/types';
import type { WorkbookModel } from '../readers';
import { compareCodePoints } from './compareCodePoints';
import type { MarkSource } from '../workbook/markWorkbook';
import type { CompactSheet } from './compactSheet';

/** What reading and validating one file left behind (no grid: it is dropped right after validation). */
export interface FileOutcome {
  /** Base name. */
  file: string;
  sha256: string;
  encoding: WorkbookModel['encoding'] | null;
  /** The township the file was identified as (registry name), null when it could not be identified. */
  township: string | null;
  /** The sheet's year (年度, else title, else file name: ParsedSheet.year). */
  year: number | null;
  yearSource: YearSource | null;
  /** The cell the year was read from, when it was a cell. */
  yearAt: { row: number; column: number } | null;
  /** The worksheet read, when the workbook has more than one (named in messages); else null. */
  sheetName: string | null;
  /** County named in the sheet's title. */
  county: string | null;
  findings: Finding[];
  /** Village rows. */
  rows: number;
  /** The rows in compact form, kept while the file has no error. */
  compact: CompactSheet | null;
  /** Errors left out of `findings` by the per-file cap (they still reject the file). */
  droppedErrors: number;
  /** Rejected before its content was read (encoding, format, size …): its township comes from its name. */
  readFailed: boolean;
  /** Several worksheets hold an entry table: the choice depends on the expected year. */
  multiSheet: boolean;
  /** An unknown township name one clear step from a registry name (townships.misnamed). */
  misnamed: { township: string; written: string } | null;
  /** What the 标注版 is made from: set only when asked for (IntakeOptions.keepSource) and the file was read. */
  source?: MarkSource;
}

/** A file with its final status. */
export interface DecidedFile extends FileOutcome {
  status: 'accepted' | 'rejected';
  errors: number;
}

/** The intake result the aggregation and summary build on. */
export interface IntakeDecision {
  year: number | null;
  files: DecidedFile[];
  accepted: CompactSheet[];
  expected: number;
  missing: string[];
  /** Missing registry townships that a rejected file's name most likely meant (summary.json townships.misnamed). */
  misnamed: { township: string; file: string; written: string }[];
}

/**
 * The merge year: `--year`, else the 年度 most files state (every file with a 年度 votes,
 * rejected or not); a tie goes to the latest year, since a leftover older file is the usual
 * cause. Null when no file states a year.
 */
export function chooseYear(outcomes: readonly FileOutcome[], year: number | null): number | null {
  if (year !== null) return year;
  const votes = new Map<number, number>();
  for (const o of outcomes) if (o.year !== null) votes.set(o.year, (votes.get(o.year) ?? 0) + 1);
  let best: number | null = null;
  let bestVotes = 0;
  for (const [y, n] of votes)
    if (n > bestVotes || (n === bestVotes && best !== null && y > best)) [best, bestVotes] = [y, n];
  return best;
}

/**
 * Decides every file: wrong year → E_YEAR_MISMATCH; two or more files identified as one
 * township (wrong-year files aside: they are not this year's file) → each rejected with one
 * E_DUPLICATE_TOWNSHIP naming all of them; any error → rejected. Registry townships no file
 * was identified as (whatever its status) are missing.
 */
export function decideIntake(
  outcomes: readonly FileOutcome[],
  options: { schema: Schema; registry: Registry | null; year: number | null },
): IntakeDecision {
  const { schema, registry } = options;
  const year = chooseYear(outcomes, options.year);
  const findings = outcomes.map((o) => [...o.findings]);
  const wrongYear = outcomes.map((o, i) => {
    if (findings[i]!.some((f) => f.code === 'E_YEAR_MISMATCH')) return true;
    if (year === null || o.year === null || o.year === year) return false;
    findings[i]!.push(
      yearMismatchFinding(
        schema,
        {
          year: o.year,
          source: o.yearSource ?? 'metadata',
          sheetName: o.sheetName,
          row: o.yearAt?.row ?? null,
          column: o.yearAt?.column ?? null,
        },
        year,
      ),
    );
    return true;
  });

  const byTownship = new Map<string, number[]>();
  outcomes.forEach((o, i) => {
    // A file rejected at reading has its township from its name only: it does not clash with a readable file.
    if (o.township === null || wrongYear[i] || o.readFailed) return;
    const list = byTownship.get(o.township);
    if (list) list.push(i);
    else byTownship.set(o.township, [i]);
  });
  for (const [township, indexes] of byTownship) {
    if (indexes.length < 2) continue;
    const files = indexes.map((i) => outcomes[i]!.file).sort(compareCodePoints);
    for (const i of indexes)
      findings[i]!.push(
        makeFinding(schema, 'E_DUPLICATE_TOWNSHIP', {
          value: township,
          params: { township, files: files.join(', ') },
        }),
      );
  }

  const files: DecidedFile[] = outcomes.map((o, i) => {
    const errors = findings[i]!.filter((f) => f.severity === 'error').length + o.droppedErrors;
    const status = errors === 0 && o.compact !== null ? 'accepted' : 'rejected';
    return {
      ...o,
      findings: findings[i]!,
      errors,
      status,
      compact: status === 'accepted' ? o.compact : null,
    };
  });
  const identified = new Set(outcomes.flatMap((o) => (o.township === null ? [] : [o.township])));
  const missing = registry
    ? registry.townships.map((t) => t.name).filter((t) => !identified.has(t))
    : [];
  const missingSet = new Set(missing);
  const misnamed = files
    .flatMap((f) =>
      f.status === 'rejected' && f.misnamed !== null && missingSet.has(f.misnamed.township)
        ? [{ township: f.misnamed.township, file: f.file, written: f.misnamed.written }]
        : [],
    )
    .sort((a, b) => compareCodePoints(a.township, b.township) || compareCodePoints(a.file, b.file));
  return {
    year,
    files,
    accepted: files.flatMap((f) => (f.compact ? [f.compact] : [])),
    expected: registry ? registry.townships.length : identified.size,
    missing: missing.sort(compareCodePoints),
    misnamed,
  };
}
