/** A table of the outputs, written both as a CSV file and as a workbook sheet (one definition, two writers). */

/** How a column's numbers are shown: counts and integers whole, money with 2 decimals, rates as percentages, decimals as they are. */
export type CellKind =
  | 'text'
  | 'count'
  | 'integer'
  | 'money'
  | 'decimal'
  | 'rate'
  /** A signed change of a count (+12 / −12). */
  | 'countChange'
  /** A signed change of money. */
  | 'moneyChange'
  /** A change of a rate, stored in percentage points (4.7 = 4.7 个百分点), never as a percentage. */
  | 'points';

/** A cell: text, a number in its column's kind, blank, or a number with its own kind (the 汇总 sheet mixes kinds in one column). */
export type TableCell = string | number | null | { value: number | null; kind: CellKind };

/** One column: header label, kind and width (in characters). */
export interface TableColumn {
  label: string;
  kind: CellKind;
  width: number;
  /** Long text wraps within the column (the row grows) instead of running over. */
  wrap?: boolean;
}

/** A named table; `rows()` may be called once per writer (the village roster is generated, not stored twice). */
export interface OutputTable {
  /** Sheet name in county-summary.xlsx. */
  sheet: string;
  columns: TableColumn[];
  rows: () => Iterable<TableCell[]>;
  /** Columns frozen at the left besides the header row. */
  freezeColumns?: number;
  /** A title row above the header (workbook only; the CSV starts with the header). */
  title?: string;
  /** Columns printed (the first N); the others are for machines (e.g. the finding code). Default: all. */
  printColumns?: number;
}
