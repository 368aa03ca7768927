/**
 * Writes county-summary.xlsx with exceljs's streaming writer: styled frozen headers, column widths,
 * number formats, A4 landscape print setup with repeated header rows. Data rows are rendered as XML
 * as they are generated (xlsx/sheetRowsXml) and handed to exceljs's sheet stream, so the 600,000-row
 * roster is never made into cell objects at all.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { neutralizeText } from './neutralizeText';
import type { CellKind, OutputTable, TableCell } from './outputTable';
import { openRawSheet, rowXml, type RowValue } from './xlsx/sheetRowsXml';
import { waitForSheetDrain } from './xlsx/waitForSheetDrain';
import { columnLetters } from '../../core/a1';

// Tests and merge read column letters from here with the writer.
export { columnLetters };

/**
 * Rows written between two turns of the event loop. The deflater needs a turn per chunk, so short
 * runs keep it busy alongside the writer (measured with exceljs's Row objects, before the raw rows
 * of xlsx/sheetRowsXml: a 600,000-row roster took ~24 s at 500 rows a turn, ~18-22 s at 200).
 */
const ROWS_PER_DRAIN = 200;

/**
 * The style of data cells per kind: counts #,##0, money #,##0.00, rates 0.0%, decimals 0.##; text
 * and integers (years, row numbers) General. One shared object per kind: exceljs caches a style's id
 * by object identity, so every cell of a kind skips the per-cell style serialisation (~20 million
 * cells on the roster).
 */
const DATA_STYLE: Record<CellKind, Partial<ExcelJS.Style>> = {
  text: {},
  count: { numFmt: '#,##0' },
  integer: {},
  money: { numFmt: '#,##0.00' },
  decimal: { numFmt: '0.##' },
  rate: { numFmt: '0.0%' },
  countChange: { numFmt: '+#,##0;-#,##0;0' },
  moneyChange: { numFmt: '+#,##0.00;-#,##0.00;0.00' },
  // A rate's change is a number of percentage points: "+4.7 个百分点", never "4.7%".
  points: { numFmt: '+0.0" 个百分点";-0.0" 个百分点";0.0" 个百分点"' },
};

/** The text cells of a wrapping column (long messages, file names): wrapped, bottom-aligned like the rest of the row. */
const WRAP_STYLE: Partial<ExcelJS.Style> = { alignment: { wrapText: true } };

const TITLE_STYLE: Partial<ExcelJS.Style> = {
  font: { name: '等线', size: 13, bold: true, charset: 134 },
  alignment: { horizontal: 'left', vertical: 'middle' },
};
const TITLE_HEIGHT = 28;

/** Printable width of landscape A4 inside the sheet margins (0.4 in left and right), in mm. */
const PRINTABLE_MM = 297 - 2 * 0.4 * 25.4;

/** Below this scale a sheet is not squeezed onto one page wide: its 11-pt text would print under 8 pt. */
const MIN_SCALE = 0.75;

/**
 * A column's printed width in mm at 100 %, planned with LibreOffice's measure: without Excel's
 * Calibri it takes the width unit from DejaVu Sans digits, ~2.5 mm (Excel: 7 px + 5 px padding at
 * 96 dpi, ~1.9 mm). Planned with the wider, a sheet is legible in both.
 */
export function columnMm(width: number): number {
  return width * 2.5;
}

/**
 * How a sheet of these column widths prints on landscape A4: on one page wide when that keeps the
 * scale ≥ MIN_SCALE, else over as many pages wide as it needs at (about) full size, the first column
 * repeated on each. `scale` is the effective scale of the one-page case (1 when it fits as is).
 */
export function printFit(widths: readonly number[]): { pagesWide: number; scale: number } {
  const mm = widths.map(columnMm);
  const total = mm.reduce((a, b) => a + b, 0);
  const scale = Math.min(1, PRINTABLE_MM / total);
  if (scale >= MIN_SCALE) return { pagesWide: 1, scale };
  const first = mm[0] ?? 0;
  return { pagesWide: Math.ceil((total - first) / (PRINTABLE_MM - first)), scale: 1 };
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9E9E9E' } };
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { name: '等线', size: 11, bold: true, color: { argb: 'FF1F1F1F' }, charset: 134 },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3D9E4' } },
  border: { top: THIN, left: THIN, bottom: THIN, right: THIN },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};
const HEADER_HEIGHT = 32;

/** Display width of a header in Excel character units: CJK and full-width characters count two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! > 0x2e7f ? 2 : 1;
  return w;
}

/** Height of one line of 11-pt text in points. */
const LINE_HEIGHT = 15;

/** Lines a text needs in a wrapping column of `width` characters (a CJK character is about two digits wide, plus a margin). */
export function wrappedLines(text: string, width: number): number {
  return text
    .split('\n')
    .reduce(
      (n, line) => n + Math.max(1, Math.ceil((displayWidth(line) * 1.1) / Math.max(1, width - 1))),
      0,
    );
}

/** Column width: the table's width plus padding, widened so the header wraps onto at most two lines of its 32-point row. */
function columnWidth(label: string, width: number): number {
  return Math.max(width + 2, Math.ceil(displayWidth(label) / 2) + 2);
}

/** Excel's limit of characters (UTF-16 units) in one cell: longer text makes Excel repair the file, dropping it. */
export const EXCEL_CELL_CHARS = 32_767;

/** Text cut to Excel's limit, ending in `marker`, without splitting a surrogate pair. */
function fitCell(text: string, marker: string): string {
  let end = EXCEL_CELL_CHARS - marker.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + marker;
}

/** The value exceljs should store for a cell: text neutralised, numbers as numbers; undefined leaves the cell out. */
function cellValue(cell: TableCell, long: LongText): string | number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === 'string') {
    if (cell === '') return undefined;
    const text = neutralizeText(cell);
    if (text.length <= EXCEL_CELL_CHARS) return text;
    long.cut(text.length);
    return fitCell(text, long.marker);
  }
  if (cell !== null && cell.value !== null && Number.isFinite(cell.value)) return cell.value;
  return undefined;
}

/** Options of writeWorkbook. */
export interface WorkbookOptions {
  /** Created/modified date in docProps/core.xml (e.g. 31 Dec of the summary year), so reruns give the same metadata; else now. */
  date?: Date;
  /** Text over Excel's 32,767 characters per cell: the marker that ends the cut text (default …) and who to tell. */
  cellText?: { marker: string; onTruncate?: (where: TruncatedCell) => void };
}

/** A cell whose text was cut to Excel's limit: its 1-based row and column in the sheet, and the full length. */
export interface TruncatedCell {
  sheet: string;
  row: number;
  column: number;
  length: number;
}

/** What cellValue needs for text over the limit. */
interface LongText {
  marker: string;
  cut: (length: number) => void;
}

/** Adds one table as a worksheet and streams its rows into it. */
async function writeSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  table: OutputTable,
  cellText: WorkbookOptions['cellText'],
): Promise<void> {
  const n = table.columns.length;
  const freeze = table.freezeColumns ?? 0;
  const printed = Math.min(n, table.printColumns ?? n);
  const headerRow = table.title === undefined ? 1 : 2;
  // Landscape A4, the header row repeated on every page; one page wide when legible so, else over
  // several pages wide with the first column repeated (see printFit).
  const fit = printFit(table.columns.slice(0, printed).map((c) => columnWidth(c.label, c.width)));
  const ws = wb.addWorksheet(table.sheet, {
    views: [{ state: 'frozen', xSplit: freeze, ySplit: headerRow }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: fit.pagesWide,
      fitToHeight: 0,
      ...(fit.pagesWide > 1 ? { printTitlesColumn: 'A:A' } : {}),
      printTitlesRow: `${headerRow}:${headerRow}`,
      ...(printed < n ? { printArea: `A:${columnLetters(printed)}` } : {}),
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&P / &N' },
    ...(n > 2 ? { autoFilter: `A${headerRow}:${columnLetters(n)}${headerRow}` } : {}),
  });
  ws.columns = table.columns.map((c) => ({
    width: columnWidth(c.label, c.width),
    style: c.wrap === true ? WRAP_STYLE : DATA_STYLE[c.kind],
  }));
  const styles = table.columns.map((c) => (c.wrap === true ? WRAP_STYLE : DATA_STYLE[c.kind]));
  const widths = table.columns.map((c) => columnWidth(c.label, c.width));
  const wrapColumns = table.columns.flatMap((c, i) => (c.wrap === true ? [i] : []));

  if (table.title !== undefined) {
    const title = ws.addRow([neutralizeText(table.title)]);
    title.height = TITLE_HEIGHT;
    title.getCell(1).style = TITLE_STYLE;
    if (n > 1) ws.mergeCells(1, 1, 1, n);
    title.commit();
  }
  const header = ws.addRow(table.columns.map((c) => neutralizeText(c.label)));
  header.height = HEADER_HEIGHT;
  header.eachCell((cell) => (cell.style = HEADER_STYLE));
  header.commit();

  // Data rows bypass exceljs's Row and Cell objects (see sheetRowsXml): the same XML, far fewer allocations.
  const raw = openRawSheet(wb, ws);
  const letters = table.columns.map((_, i) => columnLetters(i + 1));
  const ids = new Array<number>(n);
  let sinceDrain = 0;
  let rowNumber = headerRow;
  let column = 0;
  const long: LongText = {
    marker: cellText?.marker ?? '…',
    cut: (length) =>
      cellText?.onTruncate?.({ sheet: table.sheet, row: rowNumber, column: column + 1, length }),
  };
  const values: RowValue[] = new Array<RowValue>(n);
  for (const cells of table.rows()) {
    rowNumber++;
    for (column = 0; column < n; column++) {
      const own = cells[column] ?? null;
      const value = cellValue(own, long);
      values[column] = value;
      if (value === undefined) continue;
      // Every cell gets its kind's shared style object (see DATA_STYLE); a cell with its own kind
      // (汇总 mixes kinds in one column) gets that kind's, and text keeps General.
      const style =
        typeof own === 'string'
          ? table.columns[column]!.wrap === true
            ? WRAP_STYLE
            : DATA_STYLE.text
          : own !== null && typeof own === 'object'
            ? DATA_STYLE[own.kind]
            : styles[column]!;
      ids[column] = raw.styleId(
        style,
        typeof value === 'number' ? ExcelJS.ValueType.Number : ExcelJS.ValueType.String,
      );
    }
    // Spreadsheet programs do not grow a row for wrapped text they did not lay out themselves.
    let height = 0;
    if (wrapColumns.length > 0) {
      const lines = wrapColumns.reduce((most, i) => {
        const text = cells[i];
        return typeof text === 'string' ? Math.max(most, wrappedLines(text, widths[i]!)) : most;
      }, 1);
      if (lines > 1) height = lines * LINE_HEIGHT;
    }
    raw.write(rowXml(rowNumber, values, ids, letters, height));
    if (++sinceDrain === ROWS_PER_DRAIN) {
      raw.flush();
      sinceDrain = 0;
      await waitForSheetDrain(ws);
    }
  }
  raw.flush();
  ws.commit();
}

/** Writes the tables as sheets of one workbook at `path`. */
export async function writeWorkbook(
  path: string,
  tables: readonly OutputTable[],
  options: WorkbookOptions = {},
): Promise<void> {
  const stream = await openStream(path);
  // A write error (disk full) ends the stream without 'finish': race it, or commit() would wait forever.
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
    // Level 1: the roster's ~1 GB of XML deflates at the speed rows are made (level 6 lags behind,
    // and the backlog queues in memory); the file is ~10% larger.
    zip: { zlib: { level: 1 } },
  });
  if (options.date !== undefined) {
    wb.created = options.date;
    wb.modified = options.date;
  }
  wb.creator = 'county-rollup';
  wb.lastModifiedBy = 'county-rollup';
  try {
    await Promise.race([
      (async () => {
        for (const table of tables) await writeSheet(wb, table, options.cellText);
        await wb.commit();
      })(),
      failed,
    ]);
  } catch (error) {
    stream.destroy();
    throw error;
  }
}

/** Opens the output file, failing (not crashing the process) when it cannot be created. */
function openStream(path: string): Promise<WriteStream> {
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(path);
    stream.once('error', reject);
    stream.once('open', () => {
      stream.off('error', reject);
      resolve(stream);
    });
  });
}
