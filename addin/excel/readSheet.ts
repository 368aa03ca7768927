/** Reads the active worksheet's used range in one batch: the grid the core validates. */
import type { Cell } from '../../core/types';

/** The active sheet as plain data. */
export interface SheetSnapshot {
  name: string;
  id: string;
  /**
   * The cell values, padded so that `grid[0]` is spreadsheet row 1 and `grid[r][0]` column A
   * (the core's finding addresses are then the sheet's own addresses).
   */
  grid: Cell[][];
  /** 0-based row and column of the used range's top-left cell (0, 0 when the sheet is empty). */
  rowIndex: number;
  columnIndex: number;
  /** The used range's address (e.g. "统计表!A1:AD40"), null for an empty sheet. */
  address: string | null;
}

/** Loads the used range (values only, so our own fills do not widen it) and the sheet's name and id: one sync. */
export async function readSheet(context: Excel.RequestContext): Promise<SheetSnapshot> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load(['name', 'id']);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(['values', 'address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
  await context.sync();
  if (used.isNullObject) {
    return { name: sheet.name, id: sheet.id, grid: [], rowIndex: 0, columnIndex: 0, address: null };
  }
  return {
    name: sheet.name,
    id: sheet.id,
    grid: padGrid(used.values as Cell[][], used.rowIndex, used.columnIndex),
    rowIndex: used.rowIndex,
    columnIndex: used.columnIndex,
    address: used.address,
  };
}

/** Places a block read at (rowIndex, columnIndex) into a grid that starts at A1; empty strings become null. */
export function padGrid(
  values: readonly (readonly unknown[])[],
  rowIndex: number,
  columnIndex: number,
): Cell[][] {
  const lead: null[] = new Array<null>(columnIndex).fill(null);
  const rows: Cell[][] = [];
  for (let r = 0; r < rowIndex; r++) rows.push([]);
  for (const row of values) rows.push([...lead, ...row.map(toCell)]);
  return rows;
}

function toCell(value: unknown): Cell {
  if (value === '' || value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return JSON.stringify(value) ?? null;
}
