/** A1 addresses as the adapters need them: parse, build, qualify with a sheet name, group into runs. */
import { toA1 } from '../../core/a1';

/** A 1-based cell position. */
export interface CellPosition {
  row: number;
  column: number;
}

const A1 = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** Parses "M7" (also "$M$7") into { row: 7, column: 13 }; null for anything else (ranges, sheet-qualified). */
export function parseA1(address: string): CellPosition | null {
  const m = A1.exec(address.trim());
  if (!m) return null;
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

/** The A1 address of a 1-based position. */
export function formatA1(position: CellPosition): string {
  return toA1(position.row, position.column);
}

/** `'统计表'!M7`: a cell address that names its sheet, as workbook-level notes and comments want it. */
export function qualifyAddress(sheetName: string, cell: string): string {
  return `'${sheetName.replace(/'/g, "''")}'!${cell}`;
}

/** Splits `Sheet1!A1:B2` / `'My sheet'!A1` into its sheet name (unquoted, null when absent) and local part. */
export function splitSheetAddress(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** A horizontal run of adjacent cells in one row: what one 2-D write covers. */
export interface CellRun<T> {
  row: number;
  firstColumn: number;
  /** The items in column order; `items[i]` belongs to column `firstColumn + i`. */
  items: T[];
  /** A1 range of the run, e.g. "M7:O7" (or "M7" for one cell). */
  address: string;
}

/**
 * Groups positioned items into row runs of adjacent columns, so a batch writes one 2-D array per
 * run instead of one call per cell. Items at the same position keep the last one.
 */
export function groupIntoRuns<T>(items: readonly (CellPosition & { item: T })[]): CellRun<T>[] {
  const byPos = new Map<string, CellPosition & { item: T }>();
  for (const it of items) byPos.set(`${it.row}:${it.column}`, it);
  const sorted = [...byPos.values()].sort((a, b) => a.row - b.row || a.column - b.column);
  const runs: CellRun<T>[] = [];
  let current: CellRun<T> | null = null;
  for (const it of sorted) {
    if (
      current &&
      current.row === it.row &&
      current.firstColumn + current.items.length === it.column
    ) {
      current.items.push(it.item);
    } else {
      current = { row: it.row, firstColumn: it.column, items: [it.item], address: '' };
      runs.push(current);
    }
  }
  for (const run of runs) {
    const first = toA1(run.row, run.firstColumn);
    run.address =
      run.items.length === 1
        ? first
        : `${first}:${toA1(run.row, run.firstColumn + run.items.length - 1)}`;
  }
  return runs;
}

/** The smallest rectangle covering the positions (null when empty). */
export function coveringBox(
  positions: readonly CellPosition[],
): { top: number; left: number; rows: number; columns: number } | null {
  if (positions.length === 0) return null;
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const p of positions) {
    top = Math.min(top, p.row);
    left = Math.min(left, p.column);
    bottom = Math.max(bottom, p.row);
    right = Math.max(right, p.column);
  }
  return { top, left, rows: bottom - top + 1, columns: right - left + 1 };
}

/** A 1-based rectangle: top-left cell and size. */
export interface Box {
  top: number;
  left: number;
  rows: number;
  columns: number;
}

/** Parses a local range "A1:B2" (or one cell "$M$7") into a box; throws on anything else. */
export function parseBox(local: string): Box {
  const [a, b = a] = local.split(':');
  const first = parseA1(a ?? '');
  const last = parseA1(b ?? '');
  if (!first || !last) throw new Error(`not a cell range: ${local}`);
  return {
    top: Math.min(first.row, last.row),
    left: Math.min(first.column, last.column),
    rows: Math.abs(last.row - first.row) + 1,
    columns: Math.abs(last.column - first.column) + 1,
  };
}
