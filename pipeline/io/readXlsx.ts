/** Bytes → grid for .xlsx files through exceljs: cached formula results, merged cells, dates, rich text. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Cell, Grid } from '../../core/types';
import { compactRow } from './readCsv';

/** What readXlsx returns: the chosen worksheet's grid, or why the file cannot be read (E_UNREADABLE). */
export type XlsxResult =
  | { ok: true; grid: Grid; sheetName: string }
  | { ok: false; code: 'E_UNREADABLE'; reason: UnreadableReason };

/** Why an .xlsx cannot be read; cli/messages render it in Chinese or English. */
export type UnreadableReason = 'too-large' | 'not-zip' | 'not-xlsx' | 'corrupt' | 'no-worksheet';

/** Options of readXlsx. */
export interface ReadXlsxOptions {
  /** Whether a worksheet's grid holds the entry sheet's header row (the core's header detection). */
  hasHeader?: (grid: Grid) => boolean;
}

/** A township workbook is a few hundred KB; anything past this is not one (and may be a zip bomb). */
export const MAX_XLSX_BYTES = 50 * 1024 * 1024;
/** Cap on the declared uncompressed size of all zip entries (exceljs inflates everything in memory). */
export const MAX_XLSX_UNZIPPED_BYTES = 500 * 1024 * 1024;

/**
 * Reads an .xlsx file: the first visible worksheet whose grid holds a header row (else the first
 * visible one). Never throws: a truncated, corrupt or foreign file gives E_UNREADABLE with a reason.
 */
export async function readXlsx(
  bytes: Uint8Array,
  options: ReadXlsxOptions = {},
): Promise<XlsxResult> {
  if (bytes.length > MAX_XLSX_BYTES) return unreadable('too-large');
  const entries = listZipEntries(bytes);
  if (entries === null) return unreadable('not-zip');
  if (!entries.names.has('[Content_Types].xml') || !entries.names.has('xl/workbook.xml'))
    return unreadable('not-xlsx');
  if (entries.unzippedBytes > MAX_XLSX_UNZIPPED_BYTES) return unreadable('too-large');

  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types want a Node Buffer; share the memory instead of copying.
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch {
    return unreadable('corrupt');
  }

  let sheets: ExcelJS.Worksheet[];
  let grids: Grid[];
  try {
    const all = workbook.worksheets;
    const visible = all.filter((sheet) => sheet.state === 'visible' || sheet.state === undefined);
    sheets = visible.length > 0 ? visible : all;
    grids = [];
    for (const sheet of sheets) {
      const read = readWorksheet(sheet);
      if (read.formulas.length > 0) {
        const uncached = await listUncachedFormulas(bytes, sheet.name);
        for (const f of read.formulas)
          if (uncached === null || uncached.has(f.address)) read.rows[f.row]![f.column] = f.text;
      }
      grids.push(compactGrid(read.rows));
    }
  } catch {
    return unreadable('corrupt');
  }
  if (sheets.length === 0) return unreadable('no-worksheet');
  const hasHeader = options.hasHeader;
  const index =
    hasHeader === undefined
      ? 0
      : Math.max(
          0,
          grids.findIndex((grid) => hasHeader(grid)),
        );
  return { ok: true, grid: grids[index] ?? [], sheetName: sheets[index]?.name ?? '' };
}

function unreadable(reason: UnreadableReason): XlsxResult {
  return { ok: false, code: 'E_UNREADABLE', reason };
}

/** A formula cell whose result exceljs did not give: an empty-text result, or none saved at all. */
interface ResultlessFormula {
  address: string;
  /** 0-based. */
  row: number;
  column: number;
  /** `=` and the formula. */
  text: string;
}

/**
 * A worksheet's cells from row 1, uncompacted, with its formulas that have no result: exceljs gives
 * both `<v></v>` (a formula whose result is "") and no `<v>` (never computed) as undefined, and the
 * caller tells them apart from the sheet's XML.
 */
function readWorksheet(sheet: ExcelJS.Worksheet): {
  rows: Cell[][];
  formulas: ResultlessFormula[];
} {
  const rows: Cell[][] = [];
  const formulas: ResultlessFormula[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      const formula = readFormula(cell);
      if (formula === null) cells.push(readCell(cell));
      else if (formula.result !== undefined) cells.push(toCell(formula.result));
      else {
        cells.push(null);
        formulas.push({
          address: cell.address,
          row: r - 1,
          column: c - 1,
          text: `=${formula.text}`,
        });
      }
    }
    rows.push(cells);
  }
  return { rows, formulas };
}

/** Trailing blank cells and rows dropped, blank rows inside kept. */
function compactGrid(rows: readonly Cell[][]): Grid {
  const grid = rows.map(compactRow);
  while (grid.length > 0 && (grid[grid.length - 1] ?? []).length === 0) grid.pop();
  return grid;
}

/**
 * A formula cell's text and cached result, or null for any other cell. `cell.value` drops a falsy
 * result (a SUM of 0 comes back without one); the `result` getter keeps it.
 */
function readFormula(cell: ExcelJS.Cell): { text: string; result: unknown } | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return null;
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  return { text: cell.formula ?? '', result: cell.result };
}

function readCell(cell: ExcelJS.Cell): Cell {
  // A merged range holds its value at the top-left only; exceljs copies it into every cell of the range.
  if (cell.isMerged && cell.master.address !== cell.address) return null;
  return toCell(cell.value);
}

/** One exceljs cell value as a plain Cell; a formula gives its cached result (null when none). */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return formatDate(value);
  if (typeof value !== 'object') return null;
  const object = value as Record<string, unknown>;
  if ('error' in object) return typeof object.error === 'string' ? object.error : null;
  if ('formula' in object || 'sharedFormula' in object) return toCell(object.result);
  if (Array.isArray(object.richText)) return richTextToString(object.richText);
  if ('text' in object) return toCell(object.text); // hyperlink: the shown text (itself maybe rich text)
  return null;
}

function richTextToString(runs: unknown[]): string {
  return runs
    .map((run) =>
      run !== null &&
      typeof run === 'object' &&
      typeof (run as { text?: unknown }).text === 'string'
        ? (run as { text: string }).text
        : '',
    )
    .join('');
}

/** exceljs gives dates as UTC instants of the serial number: YYYY-MM-DD, plus HH:MM when there is a time. */
function formatDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const hours = date.getUTCHours();
  const minutes = date.getUTCMinutes();
  return hours === 0 && minutes === 0 ? day : `${day} ${pad(hours)}:${pad(minutes)}`;
}

/**
 * The addresses of the formula cells of worksheet `sheetName` saved without a result (`<f>` and no
 * `<v>`: written by a generator that does not compute). Such a cell is read as its `=formula` text,
 * which earns a finding at the cell; read as blank it would count as 0. A formula whose result is
 * the empty text (`<v></v>`, e.g. =IF(B5="","",ROW()-4)) stays blank. Null when the XML cannot be
 * followed (then every result-less formula is taken as uncomputed).
 */
async function listUncachedFormulas(
  bytes: Uint8Array,
  sheetName: string,
): Promise<Set<string> | null> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (workbook === undefined || rels === undefined) return null;
  const sheet = [...workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/gu)]
    .map((m) => attributes(m[1] ?? ''))
    .find((a) => a.name === sheetName);
  const rId = sheet?.['r:id'];
  const target = [...rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/gu)]
    .map((m) => attributes(m[1] ?? ''))
    .find((a) => a.Id === rId)?.Target;
  if (target === undefined) return null;
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const xml = await zip.file(path)?.async('string');
  if (xml === undefined) return null;
  const uncached = new Set<string>();
  for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/gu)) {
    const inner = m[2] ?? '';
    if (/<(?:\w+:)?f\b/u.test(inner) && !/<(?:\w+:)?v\b/u.test(inner)) {
      const address = attributes(m[1] ?? '').r;
      if (address !== undefined) uncached.add(address);
    }
  }
  return uncached;
}

/** The attributes of an XML start tag (values with the five predefined entities decoded). */
function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/gu))
    out[m[1]!] = (m[2] ?? '')
      .replace(/&lt;/gu, '<')
      .replace(/&gt;/gu, '>')
      .replace(/&quot;/gu, '"')
      .replace(/&apos;/gu, "'")
      .replace(/&amp;/gu, '&');
  return out;
}

/**
 * The entry names and total declared uncompressed size from a zip's central directory, or null when
 * the bytes are not a complete zip (a truncated download loses the directory at the end).
 */
export function listZipEntries(
  bytes: Uint8Array,
): { names: Set<string>; unzippedBytes: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(bytes, view);
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if (offset + directorySize > eocd) return null;
  const names = new Set<string>();
  let unzippedBytes = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > eocd || view.getUint32(offset, true) !== 0x02014b50) return null;
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > eocd) return null;
    names.add(
      new TextDecoder('utf-8').decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    );
    // 0xFFFFFFFF means the real size is in a zip64 record: far beyond any township workbook.
    unzippedBytes += size;
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { names, unzippedBytes };
}

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end of the file.
  const last = bytes.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}
