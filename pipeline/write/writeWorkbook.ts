/**
 * Writes county-summary.xlsx with exceljs's streaming writer: styled frozen headers, column widths,
 * number formats, A4 landscape print setup with repeated header rows. Rows are committed as they
 * are generated, so the 600,000-row roster never sits in memory as cell objects.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { neutralizeText } from './neutralizeText';
import type { CellKind, OutputTable, TableCell } from './outputTable';
import { waitForSheetDrain } from './xlsx/waitForSheetDrain';

/** Sheets with more columns than this print over several pages (not shrunk to one page wide). */
const WIDE_COLUMNS = 12;

/**
 * Rows written between two turns of the event loop. The deflater needs a turn per chunk, so short
 * runs keep it busy alongside the writer (600,000-row roster: 500 rows ~24 s, 200 rows ~18-22 s).
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
};

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF9E9E9E' } };
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { name: '等线', size: 11, bold: true, color: { argb: 'FF1F1F1F' }, charset: 134 },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3D9E4' } },
  border: { top: THIN, left: THIN, bottom: THIN, right: THIN },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};
const HEADER_HEIGHT = 32;

/** Column letters of a 1-based column number (A, …, Z, AA, …). */
export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Display width of a header in Excel character units: CJK and full-width characters count two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! > 0x2e7f ? 2 : 1;
  return w;
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

/** A cell whose text was cut to Excel's limit: 1-based row (the header is row 1) and column, and the full length. */
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
  // Narrow sheets print one page wide; wide ones (分乡镇, 村级明细) run over several pages at
  // full size, repeating the first column as well as the header row.
  const wide = n > WIDE_COLUMNS;
  const ws = wb.addWorksheet(table.sheet, {
    views: [{ state: 'frozen', xSplit: freeze, ySplit: 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      ...(wide ? { printTitlesColumn: 'A:A' } : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    ...(n > 2 ? { autoFilter: `A1:${columnLetters(n)}1` } : {}),
  });
  ws.columns = table.columns.map((c) => ({
    width: columnWidth(c.label, c.width),
    style: DATA_STYLE[c.kind],
  }));
  const styles = table.columns.map((c) => DATA_STYLE[c.kind]);

  const header = ws.addRow(table.columns.map((c) => neutralizeText(c.label)));
  header.height = HEADER_HEIGHT;
  header.eachCell((cell) => (cell.style = HEADER_STYLE));
  header.commit();

  let sinceDrain = 0;
  let rowNumber = 1;
  let column = 0;
  const long: LongText = {
    marker: cellText?.marker ?? '…',
    cut: (length) =>
      cellText?.onTruncate?.({ sheet: table.sheet, row: rowNumber, column: column + 1, length }),
  };
  const values: (string | number | undefined)[] = new Array<string | number | undefined>(n);
  for (const cells of table.rows()) {
    rowNumber++;
    for (column = 0; column < n; column++) values[column] = cellValue(cells[column] ?? null, long);
    const row = ws.addRow(values);
    // Every cell gets its kind's shared style object (see DATA_STYLE); a cell with its own kind
    // (汇总 mixes kinds in one column) gets that kind's, and text keeps General.
    row.eachCell((cell, col) => {
      const own = cells[col - 1];
      cell.style =
        typeof own === 'string'
          ? DATA_STYLE.text
          : own !== null && typeof own === 'object'
            ? DATA_STYLE[own.kind]
            : styles[col - 1]!;
    });
    row.commit();
    if (++sinceDrain === ROWS_PER_DRAIN) {
      sinceDrain = 0;
      await waitForSheetDrain(ws);
    }
  }
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
