/**
 * Data rows of a streamed worksheet as SpreadsheetML text, written straight into exceljs's sheet
 * stream: the bytes exceljs's RowXform and CellXform render for the same values and styles, without
 * the Row, Cell, value and model objects they make per cell (~21 million cells on a nation roster:
 * the writer's largest CPU and GC cost). exceljs keeps everything else of the file (workbook,
 * styles, sheet header and footer, the title and header rows), so only this part is ours.
 *
 * Why not a library: the roster is one sheet of a workbook whose other parts exceljs writes, and no
 * library writes one sheet into another's zip; the whole workbook would have to move. exceljs's
 * streaming writer is the maintained one with the styles, print setup and hooks we use; SheetJS CE
 * writes no styles; excel4node and xlsx-populate build the whole workbook in memory;
 * xlsx-write-stream writes no formatting at all ("strictly a CSV replacement"), and
 * xlsx-stream-writer and its forks zip in memory with JSZip. A row of numbers and inline strings is
 * the simplest part of the format, and a test holds these bytes equal to exceljs's own for every
 * kind of cell we write.
 */
import type ExcelJS from 'exceljs';

/** A cell value as the writer stores it: text, a finite number, or undefined (no cell). */
export type RowValue = string | number | undefined;

/** The parts of exceljs's streaming writers this reads (internal: WorksheetWriter, WorkbookWriter). */
interface SheetWriterInternals {
  stream?: { write?: (data: string | Buffer) => unknown };
  startedData?: unknown;
}
interface BookWriterInternals {
  styles?: { addStyleModel?: (style: Partial<ExcelJS.Style>, cellType: number) => unknown };
}

/** Bytes of row XML handed to the sheet's stream at a time. */
const BLOCK_BYTES = 256 << 10;

/** Where raw rows go and how a style becomes the id cells refer to. */
export interface RawSheet {
  /** Appends row XML to the sheet's `<sheetData>` (buffered: call flush before yielding to the zip). */
  write: (xml: string) => void;
  /** Hands what was written so far to the sheet's stream. */
  flush: () => void;
  /** The style's id in styles.xml (registered on first use, as exceljs does for a cell of `cellType`). */
  styleId: (style: Partial<ExcelJS.Style>, cellType: ExcelJS.ValueType) => number;
}

/**
 * The raw side of a worksheet whose `<sheetData>` is open (a row was committed). Throws when
 * exceljs's internals are not as this module expects — an exceljs upgrade, a bug to fix, never data.
 */
export function openRawSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  ws: ExcelJS.Worksheet,
): RawSheet {
  const sheet = ws as unknown as SheetWriterInternals;
  const styles = (wb as unknown as BookWriterInternals).styles;
  const stream = sheet.stream;
  const add = styles?.addStyleModel;
  if (typeof stream?.write !== 'function' || typeof add !== 'function')
    throw new Error('exceljs internals changed: WorksheetWriter.stream or styles.addStyleModel');
  if (sheet.startedData !== true)
    throw new Error('raw rows need the sheet data opened by a committed row');
  // exceljs caches a style's id by object identity after its first use; so does this.
  const ids = new Map<Partial<ExcelJS.Style>, number>();
  // Rows are encoded one by one into a block (a UTF-16 unit takes at most 3 bytes of UTF-8): cheaper
  // than encoding one long concatenated string, which V8 first flattens.
  let block = Buffer.allocUnsafe(BLOCK_BYTES);
  let used = 0;
  const flush = (): void => {
    if (used === 0) return;
    void stream.write!(block.subarray(0, used));
    block = Buffer.allocUnsafe(BLOCK_BYTES);
    used = 0;
  };
  return {
    write: (xml) => {
      if (xml.length * 3 > BLOCK_BYTES - used) {
        flush();
        if (xml.length * 3 > BLOCK_BYTES) return void stream.write!(xml);
      }
      used += block.write(xml, used);
    },
    flush,
    styleId: (style, cellType) => {
      let id = ids.get(style);
      if (id === undefined) {
        id = Number(add.call(styles, style, cellType));
        ids.set(style, id);
      }
      return id;
    },
  };
}

// exceljs's xmlEncode: the five XML specials escaped; DEL and C0 controls other than tab, LF and CR dropped.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/u;

/** Text as exceljs encodes it in element content and attributes. */
export function xmlText(text: string): string {
  if (!UNSAFE.test(text)) return text;
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let escape: string;
    if (code === 34) escape = '&quot;';
    else if (code === 38) escape = '&amp;';
    else if (code === 39) escape = '&apos;';
    else if (code === 60) escape = '&lt;';
    else if (code === 62) escape = '&gt;';
    else if (code === 127 || (code <= 31 && code !== 9 && code !== 10 && code !== 13)) escape = '';
    else continue;
    out += text.slice(last, i) + escape;
    last = i + 1;
  }
  return out + text.slice(last);
}

/** ` s="N"` by style id, made once per id (a template per cell would allocate ~20 million strings). */
const styleAttrs: string[] = [''];
const styleAttr = (id: number): string => (styleAttrs[id] ??= ` s="${id}"`);

/**
 * One `<row>` as exceljs renders it: `letters[c]` names column c+1, `styleIds[c]` is that cell's
 * style id (0: none), an undefined value leaves the cell out; `height` in points, 0 for none.
 * Empty string when exceljs would write nothing (no cells, no height).
 */
export function rowXml(
  number: number,
  values: readonly RowValue[],
  styleIds: readonly number[],
  letters: readonly string[],
  height: number,
): string {
  // The cell reference's row part and closing quote, once per row.
  const ref = `${number}"`;
  let cells = '';
  let min = 0;
  let max = 0;
  for (let c = 0; c < values.length; c++) {
    const value = values[c];
    if (value === undefined) continue;
    if (min === 0) min = c + 1;
    max = c + 1;
    const head = `<c r="${letters[c]!}${ref}${styleAttr(styleIds[c]!)}`;
    cells +=
      typeof value === 'number'
        ? `${head}><v>${value}</v></c>`
        : `${head} t="str"><v>${xmlText(value)}</v></c>`;
  }
  if (min === 0 && height === 0) return '';
  const ht = height === 0 ? '' : ` ht="${height}" customHeight="1"`;
  const spans = min === 0 ? '' : ` spans="${min}:${max}"`;
  const head = `<row r="${number}"${ht}${spans} x14ac:dyDescent="0.25"`;
  return min === 0 ? `${head}/>` : `${head}>${cells}</row>`;
}
