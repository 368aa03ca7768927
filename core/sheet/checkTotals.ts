/** E_TOTAL_MISMATCH / E_SUBTOTAL_MISMATCH: a 合计 (小计) row equals the sum of the rows it covers, per summed column, at 2 decimals; a difference explained by numbers stored as text is W_TOTAL_TEXT_NUMBERS. */
import { cellFinding } from '../findings/makeFinding';
import { round2 } from '../normalize/parseCell';
import type { Cell, DataRow, Finding, FindingCode, Schema } from '../types';
import type { BoundColumn } from './readRow';
import { shownValue } from './readRow';

/** Running sums of the rows a 合计 or 小计 row covers, per bound column (NaN once a cell of the column was invalid). */
export class RowSums {
  readonly all: Float64Array;
  /** Part of `all` from hidden rows. */
  readonly hidden: Float64Array;
  /** Part of `all` from text cells (a typed sheet's numbers stored as text), and of that from hidden rows. */
  readonly text: Float64Array;
  readonly textHidden: Float64Array;
  /** Per column, the text cells (A1) and their rows; a column's list is made when it gets its first (typed sheets only). */
  readonly textCells: ({ cell: string; row: number }[] | undefined)[];
  /** First and last row added (0 when none). */
  first = 0;
  last = 0;

  constructor(n: number) {
    this.all = new Float64Array(n);
    this.hidden = new Float64Array(n);
    this.text = new Float64Array(n);
    this.textHidden = new Float64Array(n);
    this.textCells = new Array<{ cell: string; row: number }[] | undefined>(n).fill(undefined);
  }
}

/** How a covering row compares with its sums for one column. */
type Verdict = 'ok' | 'text' | 'mismatch' | 'skip';

/** The verdict for column j: `excluded` leaves the hidden rows' part out of the sums. */
export function compareColumn(
  actual: number,
  sums: RowSums,
  j: number,
  excluded: boolean,
  typed: boolean,
): { verdict: Verdict; expected: number } {
  const all = sums.all[j] ?? NaN;
  const expected = all - (excluded ? (sums.hidden[j] ?? 0) : 0);
  if (Number.isNaN(expected)) return { verdict: 'skip', expected };
  if (round2(actual) === round2(expected)) return { verdict: 'ok', expected };
  if (typed) {
    const text = (sums.text[j] ?? 0) - (excluded ? (sums.textHidden[j] ?? 0) : 0);
    if (text !== 0 && round2(actual) === round2(expected - text))
      return { verdict: 'text', expected };
  }
  return { verdict: 'mismatch', expected };
}

/** The summed columns of `row` that can be compared: a number, not invalid. */
function comparable(
  row: DataRow,
  columns: readonly BoundColumn[],
): { j: number; col: BoundColumn; actual: number }[] {
  const out: { j: number; col: BoundColumn; actual: number }[] = [];
  columns.forEach((col, j) => {
    const actual = row.values[j];
    if (col.spec.sum === true && !row.invalid.includes(col.field) && typeof actual === 'number')
      out.push({ j, col, actual });
  });
  return out;
}

/** True when every comparable column of `row` matches (or is explained by text numbers) with the given exclusion, and at least one column was compared. */
export function totalsAgree(
  row: DataRow,
  sums: RowSums,
  columns: readonly BoundColumn[],
  excluded: boolean,
  typed: boolean,
): boolean {
  let compared = 0;
  for (const { j, actual } of comparable(row, columns)) {
    const v = compareColumn(actual, sums, j, excluded, typed).verdict;
    if (v === 'skip') continue;
    compared++;
    if (v === 'mismatch') return false;
  }
  return compared > 0;
}

/** The text cells of column j that the sums count (hidden rows left out when excluded), "、"-joined, at most 10. */
function textCellList(sums: RowSums, j: number, excludedRows: ReadonlySet<number>): string {
  const cells = (sums.textCells[j] ?? [])
    .filter((t) => !excludedRows.has(t.row))
    .map((t) => t.cell);
  return cells.length > 10 ? `${cells.slice(0, 10).join('、')}…` : cells.join('、');
}

/** Findings of one 合计 (`subtotal` false) or 小计 row against its sums. */
export function checkTotals(
  total: DataRow,
  cells: readonly Cell[],
  sums: RowSums,
  columns: readonly BoundColumn[],
  schema: Schema,
  options: { subtotal: boolean; excluded: ReadonlySet<number>; typed: boolean },
): Finding[] {
  const findings: Finding[] = [];
  const excluded = options.excluded.size > 0;
  for (const { j, col, actual } of comparable(total, columns)) {
    const { verdict, expected } = compareColumn(actual, sums, j, excluded, options.typed);
    if (verdict === 'ok' || verdict === 'skip') continue;
    const value = shownValue(cells[col.column - 1], col.spec, schema.ui.redacted);
    const at = (code: FindingCode, params: Record<string, string | number>): Finding =>
      cellFinding(schema, code, total.row, col.column, col.field, value, null, params);
    const e = round2(expected);
    const a = round2(actual);
    if (verdict === 'text')
      findings.push(
        at('W_TOTAL_TEXT_NUMBERS', {
          expected: e,
          actual: a,
          cells: textCellList(sums, j, options.excluded),
        }),
      );
    else if (options.subtotal)
      findings.push(
        at('E_SUBTOTAL_MISMATCH', { expected: e, actual: a, from: sums.first, to: sums.last }),
      );
    else findings.push(at('E_TOTAL_MISMATCH', { expected: e, actual: a }));
  }
  return findings;
}

/** Adds row `row`'s numbers (ctx.scratch) to each of `targets` for the summed columns `sumIndexes`. */
export function addRow(
  targets: readonly RowSums[],
  row: number,
  scratch: Float64Array,
  sumIndexes: readonly number[],
  hidden: boolean,
  textOf: ((j: number) => boolean) | null,
  columns: readonly BoundColumn[],
): void {
  for (const t of targets) {
    if (t.first === 0) t.first = row;
    t.last = row;
  }
  if (!hidden && textOf === null && targets.length === 2) {
    // The common case (every row of a CSV or clean sheet): two plain sums.
    const a = targets[0]!.all;
    const b = targets[1]!.all;
    for (let k = 0; k < sumIndexes.length; k++) {
      const j = sumIndexes[k]!;
      const v = scratch[j]!;
      a[j] = a[j]! + v;
      b[j] = b[j]! + v;
    }
    return;
  }
  for (const j of sumIndexes) {
    const v = scratch[j] ?? NaN;
    const isText = textOf !== null && !Number.isNaN(v) && textOf(j);
    // The cell's address once, for both the 合计 sums and the block's.
    const cell = isText ? columns[j]!.letters + String(row) : '';
    for (const t of targets) {
      t.all[j] = (t.all[j] ?? 0) + v;
      if (hidden) t.hidden[j] = (t.hidden[j] ?? 0) + v;
      if (isText) {
        t.text[j] = (t.text[j] ?? 0) + v;
        if (hidden) t.textHidden[j] = (t.textHidden[j] ?? 0) + v;
        (t.textCells[j] ??= []).push({ cell, row });
      }
    }
  }
}
