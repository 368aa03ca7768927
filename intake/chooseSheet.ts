/**
 * Which worksheet of a workbook is the township's data sheet (schema decisions): the one whose year
 * equals the expected year, else the active sheet if it has a header, else the first with a header;
 * a warning names the sheet read and why when several sheets hold an entry table.
 */
import { fillText, findHeaderRow, makeFinding, parseYear, validateGrid } from '../core';
import type { Finding, ParsedSheet, Registry, Schema } from '../core/types';
import type { WorkbookModel } from '../readers';

/** The chosen sheet, its validation (with the expected year), and the warning when there was a choice. */
export interface SheetChoice {
  index: number;
  parsed: ParsedSheet;
  warning: Finding | null;
  /** Visible sheets holding a header row (0 when there was only one sheet to read). */
  candidates: number;
}

/** What validating a sheet needs beyond its grid. */
export interface ChoiceContext {
  schema: Schema;
  registry: Registry | null;
  fileName: string;
  /** The expected year (--year, else the run's chosen year), null when none is known yet. */
  year: number | null;
}

/** Chooses and validates the data sheet. Hidden worksheets are never chosen (unless every sheet is hidden). */
export function chooseSheet(workbook: WorkbookModel, context: ChoiceContext): SheetChoice {
  const { schema } = context;
  const sheets = workbook.sheets;
  const shown = sheets.flatMap((s, i) => (s.visible ? [i] : []));
  const visible = shown.length > 0 ? shown : sheets.map((_, i) => i);
  // One sheet (every CSV, most workbooks): nothing to choose, no header search beyond validateGrid's own.
  const candidates =
    visible.length === 1
      ? []
      : visible.filter((i) => findHeaderRow(sheets[i]!.grid, schema) !== null);
  const validate = (i: number, year: number | null): ParsedSheet =>
    validateGrid(sheets[i]!.grid, {
      schema,
      registry: context.registry,
      fileName: context.fileName,
      year,
      sheet: sheets[i]!.info,
    });

  if (candidates.length <= 1) {
    const index =
      candidates[0] ?? (visible.includes(workbook.active) ? workbook.active : visible[0]!);
    return {
      index,
      parsed: validate(index, context.year),
      warning: null,
      candidates: candidates.length,
    };
  }

  // Several entry tables: each sheet's own year (年度 or title), else the year its name gives (2024年).
  const parsed = new Map(candidates.map((i) => [i, validate(i, null)]));
  const yearOf = (i: number): number | null => {
    const p = parsed.get(i)!;
    if (p.year !== null && (p.yearSource === 'metadata' || p.yearSource === 'title')) return p.year;
    return parseYear(sheets[i]!.name ?? '') ?? p.year;
  };
  let index: number | undefined;
  let reason: 'year' | 'active' | 'first' = 'first';
  if (context.year !== null) {
    const matching = candidates.filter((i) => yearOf(i) === context.year);
    if (matching.length > 0) {
      index = matching.includes(workbook.active) ? workbook.active : matching[0]!;
      reason = 'year';
    }
  }
  if (index === undefined) {
    index = candidates.includes(workbook.active) ? workbook.active : candidates[0]!;
    reason = candidates.includes(workbook.active) ? 'active' : 'first';
  }
  const text = schema.limits.sheetReasons[reason];
  const year = String(context.year ?? '');
  const names = candidates.map((i) => sheets[i]!.name ?? '');
  const warning = makeFinding(schema, 'W_SHEET_CHOSEN', {
    value: sheets[index]!.name,
    params: {
      count: candidates.length,
      sheets: names.map((n) => `「${n}」`).join('、'),
      sheets_en: names.map((n) => `“${n}”`).join(', '),
      sheet: sheets[index]!.name ?? '',
      reason: fillText(text.zh, { year }),
      reason_en: fillText(text.en, { year }),
    },
  });
  return {
    index,
    parsed: context.year === null ? parsed.get(index)! : validate(index, context.year),
    warning,
    candidates: candidates.length,
  };
}
