/** Reads a worksheet in one batch: the grid the core validates, and what the core knows of the sheet. */
import type { Cell, SheetInfo } from '../../core/types';
import { parseBox, splitSheetAddress, type Box } from './address';

/** The sheet as plain data. */
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
  /** Hidden rows and columns, merges, the name, typed cells: the core's SheetInfo (issue 7). */
  info: SheetInfo;
}

/** Which sheet to read, and which optional APIs to use. */
export interface ReadOptions {
  /** The sheet's id (this session's): the sheet an edit came from. Absent: the active sheet. */
  sheetId?: string | null;
  /** Range.getMergedAreasOrNullObject is there (ExcelApi 1.13). */
  merges?: boolean;
}

/**
 * Loads the used range (values only, so our own fills do not widen it), the sheet's name and id,
 * its rows' and columns' hidden state, its autofilter, and (1.13) its merged areas: one sync.
 * Rows an active autofilter hides are data (the contract's SheetInfo), not hidden rows. Should
 * that sync fail (more than 512 merged areas make getMergedAreasOrNullObject fail), the sheet is
 * read again with its values alone (one more sync, on that path only).
 */
export async function readSheet(
  context: Excel.RequestContext,
  options: ReadOptions = {},
): Promise<SheetSnapshot> {
  try {
    return await read(context, options, true);
  } catch {
    return read(context, options, false);
  }
}

async function read(
  context: Excel.RequestContext,
  options: ReadOptions,
  full: boolean,
): Promise<SheetSnapshot> {
  const sheets = context.workbook.worksheets;
  const sheet = options.sheetId ? sheets.getItem(options.sheetId) : sheets.getActiveWorksheet();
  sheet.load(['name', 'id']);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(['values', 'address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
  // getUsedRange (not …OrNullObject) for the row/column questions: on a blank sheet it gives A1
  // instead of a null object (Worksheet.getUsedRange docs), so the batch never acts on a null.
  const extent = full ? sheet.getUsedRange(true) : null;
  const rows = extent?.getRowProperties({ rowHidden: true }) ?? null;
  const columns = extent?.getColumnProperties({ columnHidden: true }) ?? null;
  let filterRange: Excel.Range | null = null;
  if (full) {
    sheet.autoFilter.load(['enabled', 'isDataFiltered']);
    filterRange = sheet.autoFilter.getRangeOrNullObject();
    filterRange.load('address');
  }
  const merged = extent && options.merges ? extent.getMergedAreasOrNullObject() : null;
  merged?.load('address');
  await context.sync();
  const info: SheetInfo = { name: sheet.name, typed: true };
  if (used.isNullObject) {
    return {
      name: sheet.name,
      id: sheet.id,
      grid: [],
      rowIndex: 0,
      columnIndex: 0,
      address: null,
      info: { ...info, hiddenRows: [], hiddenColumns: [], merges: [] },
    };
  }
  if (full) {
    // Rows hidden inside an autofilter's range while it filters are the filter's doing: data.
    const filter =
      sheet.autoFilter.enabled &&
      sheet.autoFilter.isDataFiltered &&
      filterRange &&
      !filterRange.isNullObject
        ? parseBox(splitSheetAddress(filterRange.address).local)
        : null;
    const byFilter = (row: number): boolean =>
      filter !== null && row > filter.top && row < filter.top + filter.rows;
    info.hiddenRows = (rows?.value ?? [])
      .map((r, i) => ({ row: (r.rowIndex ?? used.rowIndex + i) + 1, hidden: r.rowHidden === true }))
      .filter((r) => r.hidden && !byFilter(r.row))
      .map((r) => r.row);
    info.hiddenColumns = (columns?.value ?? [])
      .map((c, i) => ({
        column: (c.columnIndex ?? used.columnIndex + i) + 1,
        hidden: c.columnHidden === true,
      }))
      .filter((c) => c.hidden)
      .map((c) => c.column);
    info.merges = merged && !merged.isNullObject ? mergedAreas(merged.address) : [];
  }
  return {
    name: sheet.name,
    id: sheet.id,
    grid: padGrid(used.values as Cell[][], used.rowIndex, used.columnIndex),
    rowIndex: used.rowIndex,
    columnIndex: used.columnIndex,
    address: used.address,
    info,
  };
}

/** "Sheet1!A1:B2, Sheet1!D4:D6" → 1-based inclusive boxes. */
export function mergedAreas(
  address: string,
): { top: number; left: number; bottom: number; right: number }[] {
  return address
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const b: Box = parseBox(splitSheetAddress(part).local);
      return {
        top: b.top,
        left: b.left,
        bottom: b.top + b.rows - 1,
        right: b.left + b.columns - 1,
      };
    });
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
