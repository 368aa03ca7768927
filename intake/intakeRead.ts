/**
 * The one intake path after reading (Node-free, shared by \`validate\`, \`merge\` and the offline check
 * page): choose the data sheet, validate it (core), identify its township, cap its findings — keeping
 * only findings and the compact rows (never the grids).
 */
import { makeFinding, resolveTownship } from '../core';
import type { Finding, Registry, Schema } from '../core/types';
import { capFindings } from './capFindings';
import { chooseSheet, type SheetChoice } from './chooseSheet';
import { compactSheet, type FieldLayout } from './compactSheet';
import type { FileOutcome } from './decideIntake';
import { guessMisnamed } from './misnamed';
import type { ReadTownship } from './readBytes';

/** What the intake of one file needs. */
export interface IntakeReadOptions {
  schema: Schema;
  layout: FieldLayout;
  registry: Registry | null;
  /** --year (the core then flags a different year itself); without it the majority is applied later. */
  year: number | null;
}

/**
 * One file as read: choose the sheet → validateGrid → identity, year, county, capped findings, and
 * the compact rows when it has no error. A file rejected at reading still gets its township from
 * its file name (§7.7), so that township is listed as rejected, not missing (§7.10).
 */
export function intakeRead(
  read: ReadTownship & { sha256: string },
  options: IntakeReadOptions,
  /** Told which sheet was chosen and what validating it gave (the check page shows its 本表合计). */
  onChoice?: (choice: SheetChoice) => void,
): FileOutcome {
  const { schema, registry } = options;
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
  onChoice?.(choice);
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
  return {
    ...base,
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
