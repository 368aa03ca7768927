/** The sheet's year (metadata 年度, else the title, else the file name) and E_YEAR_MISMATCH when it differs from the year being merged. */
import { toA1 } from '../a1';
import { makeFinding } from '../findings/makeFinding';
import { fillText } from '../text/fillText';
import type { Finding, Schema, YearSource } from '../types';
import type { CellPosition, MetadataResult } from './readMetadata';
import { yearInText } from './readMetadata';

/** Where a sheet's year was read. */
export interface SheetYear {
  year: number;
  source: YearSource;
  row: number | null;
  column: number | null;
}

/** The sheet's year: 年度 (at `at`), else the first year in the title rows, else in the file name; null when none. */
export function sheetYear(
  metadataYear: number | null,
  at: CellPosition | undefined,
  titleYear: MetadataResult['titleYear'],
  fileName: string | null | undefined,
): SheetYear | null {
  if (metadataYear !== null)
    return {
      year: metadataYear,
      source: 'metadata',
      row: at?.row ?? null,
      column: at?.column ?? null,
    };
  if (titleYear)
    return { year: titleYear.year, source: 'title', row: titleYear.row, column: titleYear.column };
  const fromName = fileName ? yearInText(fileName.replace(/\.[^.]*$/, ''), true) : null;
  return fromName === null ? null : { year: fromName, source: 'fileName', row: null, column: null };
}

/** E_YEAR_MISMATCH for a sheet whose year differs from the expected one; the message names where the year was read (年度单元格 / 标题 / 文件名) and the sheet when `sheetName` is set. */
export function yearMismatchFinding(
  schema: Schema,
  found: {
    year: number;
    source: YearSource;
    sheetName?: string | null;
    row?: number | null;
    column?: number | null;
  },
  expected: number,
): Finding {
  const row = found.row ?? null;
  const column = found.column ?? null;
  const cell = row !== null && column !== null ? toA1(row, column) : '';
  const params: Record<string, string | number> = { expected };
  const texts = schema.yearSources;
  if (texts) {
    const from = texts[found.source];
    params.from_zh = fillText(from.zh, { cell });
    params.from_en = fillText(from.en, { cell });
    if (found.sheetName) {
      params.sheet_zh = fillText(texts.sheet.zh, { sheet: found.sheetName });
      params.sheet_en = fillText(texts.sheet.en, { sheet: found.sheetName });
    }
  }
  return makeFinding(schema, 'E_YEAR_MISMATCH', {
    row,
    column,
    value: String(found.year),
    params,
  });
}

/** A finding (at the 年度 or title cell) when the sheet's year and `expected` are both known and differ. */
export function checkYear(
  year: SheetYear | null,
  expected: number | null | undefined,
  schema: Schema,
  sheetName?: string | null,
): Finding[] {
  if (expected === null || expected === undefined || year === null || year.year === expected)
    return [];
  return [yearMismatchFinding(schema, { ...year, sheetName }, expected)];
}
