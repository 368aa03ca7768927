/**
 * Bytes → workbook model for .xls (BIFF8) and WPS .et files whose content is BIFF8, through SheetJS
 * (@e965/xlsx 0.20.3: the SheetJS CE 0.20.3 build on the npm registry, past CVE-2023-30533 and
 * CVE-2024-22363). Used for these formats only; an .et/.xls that is really a zip goes to the xlsx
 * reader. What SheetJS cannot read gets E_XLS_UNREADABLE, whose message says to save as .xlsx.
 */
import type * as SheetJS from '@e965/xlsx';
import type { CellObject, WorkBook, WorkSheet } from '@e965/xlsx';
import type { Cell, Grid, SheetInfo } from '../core/types';
import { compactRow } from './readCsv';
import { formatDate } from './readXlsx';
import type { ReaderLimits, ReadResult, ReadSheet } from './types';

/** The signature of an OLE2 compound file (what BIFF8 .xls and .et are stored in). */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the bytes start like an OLE2 compound file. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** SheetJS, loaded on the first .xls (~0.2 s of CPU to load: a run or a worker without .xls files never pays it). */
let sheetJs: Promise<typeof SheetJS> | null = null;

/** Reads every worksheet of a BIFF8 workbook. Never throws. `format` ('.xls' / '.et') names the file type in the failure. */
export async function readXlsWorkbook(
  bytes: Uint8Array,
  limits: ReaderLimits,
  format: string,
): Promise<ReadResult> {
  if (bytes.length > limits.maxFileBytes)
    return {
      ok: false,
      failure: { code: 'E_FILE_TOO_LARGE', size: bytes.length, limit: limits.maxFileBytes },
    };
  const unreadable: ReadResult = { ok: false, failure: { code: 'E_XLS_UNREADABLE', format } };
  // Only BIFF in a compound file: SheetJS would also take HTML, SYLK or CSV renamed .xls, which
  // are not what the township saved and whose cells carry no types.
  if (!isCompoundFile(bytes)) return unreadable;

  let workbook: WorkBook;
  let XLSX: typeof SheetJS;
  try {
    XLSX = await (sheetJs ??= import('@e965/xlsx'));
    workbook = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellDates: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: true,
      // One row past the cap, so a sheet over it is seen without reading all of it.
      sheetRows: limits.maxRows + 1,
    });
  } catch {
    return unreadable;
  }
  const names = workbook.SheetNames;
  if (names.length === 0) return unreadable;

  const sheets: ReadSheet[] = [];
  let cells = 0;
  for (const [index, name] of names.entries()) {
    const worksheet = workbook.Sheets[name];
    if (worksheet === undefined) continue;
    const grid = readGrid(worksheet);
    if (grid.length > limits.maxRows)
      return {
        ok: false,
        failure: { code: 'E_TOO_MANY_ROWS', sheet: name, rows: grid.length, limit: limits.maxRows },
      };
    cells += grid.reduce((n, row) => n + row.length, 0);
    if (cells > limits.maxCells)
      return {
        ok: false,
        failure: { code: 'E_TOO_MANY_CELLS', sheet: name, cells, limit: limits.maxCells },
      };
    const hidden = workbook.Workbook?.Sheets?.[index]?.Hidden ?? 0;
    sheets.push({
      name,
      grid,
      info: sheetInfo(XLSX, name, worksheet, grid),
      visible: hidden === 0,
    });
  }
  if (sheets.length === 0) return unreadable;
  const activeTab = readActiveTab(XLSX, bytes);
  return {
    ok: true,
    workbook: {
      format: 'xls',
      encoding: 'xls',
      sheets,
      active: Math.min(Math.max(0, activeTab), sheets.length - 1),
    },
  };
}

/** A dense SheetJS worksheet as a grid (merged cells other than the top-left blank, trailing blanks dropped). */
function readGrid(worksheet: WorkSheet): Grid {
  const data = (worksheet['!data'] as (CellObject | undefined)[][] | undefined) ?? [];
  const rows: Cell[][] = [];
  for (let r = 0; r < data.length; r++) {
    const row = data[r] ?? [];
    const cells: Cell[] = [];
    for (let c = 0; c < row.length; c++) cells.push(toCell(row[c]));
    rows.push(cells);
  }
  for (const m of worksheet['!merges'] ?? [])
    for (let r = m.s.r; r <= m.e.r && r < rows.length; r++) {
      const cells = rows[r]!;
      for (let c = m.s.c; c <= m.e.c && c < cells.length; c++)
        if (r !== m.s.r || c !== m.s.c) cells[c] = null;
    }
  const grid = rows.map(compactRow);
  while (grid.length > 0 && (grid[grid.length - 1] ?? []).length === 0) grid.pop();
  return grid;
}

/** A SheetJS cell as a plain Cell: numbers, text, booleans, dates as YYYY-MM-DD, errors as their text. */
function toCell(cell: CellObject | undefined): Cell {
  if (cell === undefined) return null;
  switch (cell.t) {
    case 'n':
      return typeof cell.v === 'number' && Number.isFinite(cell.v) ? cell.v : null;
    case 's':
      return typeof cell.v === 'string' && cell.v !== '' ? cell.v : null;
    case 'b':
      return typeof cell.v === 'boolean' ? cell.v : null;
    case 'd':
      return cell.v instanceof Date ? formatDate(cell.v) : null;
    case 'e':
      return typeof cell.w === 'string' ? cell.w : null;
    default:
      return null;
  }
}

/** SheetInfo of a worksheet, clipped to its grid; rows an autofilter hides (below its header) are data. */
function sheetInfo(
  XLSX: typeof SheetJS,
  name: string,
  worksheet: WorkSheet,
  grid: Grid,
): SheetInfo {
  const width = Math.max(0, ...grid.map((row) => row.length));
  const filter = worksheet['!autofilter']?.ref;
  const range = filter === undefined ? null : XLSX.utils.decode_range(filter);
  const hiddenRows: number[] = [];
  (worksheet['!rows'] ?? []).forEach((row, r) => {
    if (row?.hidden !== true || r >= grid.length) return;
    if (range !== null && r > range.s.r && r <= range.e.r) return;
    hiddenRows.push(r + 1);
  });
  const hiddenColumns: number[] = [];
  (worksheet['!cols'] ?? []).forEach((col, c) => {
    if (col?.hidden === true && c < width) hiddenColumns.push(c + 1);
  });
  const merges = (worksheet['!merges'] ?? [])
    .filter((m) => m.s.r < grid.length && m.s.c < width)
    .map((m) => ({
      top: m.s.r + 1,
      left: m.s.c + 1,
      bottom: Math.min(m.e.r + 1, grid.length),
      right: Math.min(m.e.c + 1, width),
    }))
    .filter((m) => m.bottom > m.top || m.right > m.left);
  return { name, hiddenRows, hiddenColumns, merges, typed: true };
}

/** The CFB helpers SheetJS bundles (typed `any` there). */
interface CfbApi {
  read(data: Uint8Array, options: { type: 'array' }): unknown;
  find(container: unknown, path: string): { content?: ArrayLike<number> } | null;
}

/**
 * The selected sheet tab of a BIFF8 workbook (WINDOW1 record 0x003D, itabCur at byte 10), which
 * SheetJS does not expose; 0 when it cannot be read.
 */
function readActiveTab(XLSX: typeof SheetJS, bytes: Uint8Array): number {
  try {
    const cfb = XLSX.CFB as CfbApi;
    const stream = cfb.find(cfb.read(bytes, { type: 'array' }), 'Workbook')?.content;
    if (stream === undefined) return 0;
    const at = (i: number): number => (stream[i] ?? 0) | ((stream[i + 1] ?? 0) << 8);
    for (let i = 0; i + 4 <= stream.length;) {
      const type = at(i);
      const length = at(i + 2);
      if (type === 0x003d && length >= 12) return at(i + 4 + 10);
      // The workbook globals end at the first EOF record; WINDOW1 comes before it.
      if (type === 0x000a) return 0;
      i += 4 + length;
    }
  } catch {
    // A damaged container: the first sheet.
  }
  return 0;
}
