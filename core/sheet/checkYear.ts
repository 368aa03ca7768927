/** E_YEAR_MISMATCH: the sheet's 年度 differs from the year being merged (a sheet without 年度 passes). */
import { makeFinding } from '../findings/makeFinding';
import type { Finding, Schema, YearSource } from '../types';
import type { CellPosition } from './readMetadata';

/** A finding at the 年度 cell when `year` and `expected` are both known and differ. */
export function checkYear(
  year: number | null,
  at: CellPosition | undefined,
  expected: number | null | undefined,
  schema: Schema,
): Finding[] {
  if (expected === null || expected === undefined || year === null || year === expected) return [];
  const parts = {
    row: at?.row ?? null,
    column: at?.column ?? null,
    value: String(year),
    params: { expected },
  };
  return [makeFinding(schema, 'E_YEAR_MISMATCH', parts)];
}

/**
 * stand-in until H1: E_YEAR_MISMATCH for a sheet whose year differs from the expected one (the
 * contract's signature; H1's version names where the year was read and the sheet).
 */
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
  return makeFinding(schema, 'E_YEAR_MISMATCH', {
    row: found.row ?? null,
    column: found.column ?? null,
    value: String(found.year),
    params: { value: found.year, expected, ...(found.sheetName ? { sheet: found.sheetName } : {}) },
  });
}
