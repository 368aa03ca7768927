/** E_YEAR_MISMATCH: the sheet's 年度 differs from the year being merged (a sheet without 年度 passes). */
import { makeFinding } from '../findings/makeFinding';
import type { Finding, Schema } from '../types';
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
