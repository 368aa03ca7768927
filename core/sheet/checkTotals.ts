/** E_TOTAL_MISMATCH: the 合计 row equals the sum of village rows and the 本级 row, per summed column, at 2 decimals. */
import { makeFinding } from '../findings/makeFinding';
import { round2 } from '../normalize/parseCell';
import type { Cell, DataRow, Finding, Schema } from '../types';
import type { BoundColumn } from './readRow';
import { shownValue } from './readRow';

/** Compares each summed column of `total` with `sums` (per bound column; NaN when some cell of the column was invalid). */
export function checkTotals(
  total: DataRow,
  cells: readonly Cell[],
  sums: Float64Array,
  columns: readonly BoundColumn[],
  schema: Schema,
): Finding[] {
  const findings: Finding[] = [];
  columns.forEach(({ field, column, spec }, j) => {
    const actual = total.values[field];
    const sum = sums[j] ?? NaN;
    if (
      spec.sum !== true ||
      total.invalid.includes(field) ||
      typeof actual !== 'number' ||
      Number.isNaN(sum)
    )
      return;
    const expected = round2(sum);
    if (round2(actual) !== expected)
      findings.push(
        makeFinding(schema, 'E_TOTAL_MISMATCH', {
          row: total.row,
          column,
          field,
          value: shownValue(cells[column - 1], spec, schema.ui.redacted),
          params: { expected, actual: round2(actual) },
        }),
      );
  });
  return findings;
}
