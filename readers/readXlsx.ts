/**
 * Bytes → workbook model for .xlsx files: every worksheet's grid and SheetInfo (hidden rows and
 * columns, merges, names, the active sheet), cached formula results, dates, rich text. Reading is
 * bounded by what the file holds, not by what it claims: the zip is inflated with a byte counter,
 * and the worksheets are cut down to the cells that hold content before exceljs sees them (a styled
 * range reaching column XFD, a merge or a validation over a million rows allocate nothing).
 */
import type ExcelJSModule from 'exceljs';
import type JSZipModule from 'jszip';
import { columnLetters } from '../core/a1';
import type { Cell, Grid, SheetInfo } from '../core/types';
import { concat, unzipPlain } from './unzip';
import type { ScannedCell } from './xlsxValues';
import { endsWithRoot, fastGrid, finishGrid, formatDate, workbookTexts } from './xlsxValues';

export { formatDate } from './xlsxValues';
import type {
  ReaderLimits,
  ReadFailure,
  ReadResult,
  ReadSheet,
  UnreadableReason,
  WorkbookModel,
} from './types';

export type { UnreadableReason } from './types';

/** The caps of the legacy readXlsx (without schema limits): a township workbook is a few hundred KB. */
export const MAX_XLSX_BYTES = 50 * 1024 * 1024;
/** Cap on the bytes inflated from all zip entries of the legacy readXlsx. */
export const MAX_XLSX_UNZIPPED_BYTES = 500 * 1024 * 1024;

const LEGACY_LIMITS: ReaderLimits = {
  maxFileBytes: MAX_XLSX_BYTES,
  maxInflatedBytes: MAX_XLSX_UNZIPPED_BYTES,
  maxRows: 1_048_576,
  maxCells: 50_000_000,
};

/** Reads every worksheet of an .xlsx. Never throws: a truncated, corrupt, foreign or oversized file gives a failure. */
export async function readXlsxWorkbook(
  bytes: Uint8Array,
  limits: ReaderLimits,
): Promise<ReadResult> {
  return (await readXlsxWorkbookVia(bytes, limits)).result;
}

/** exceljs, loaded when a workbook first needs it (~0.3 s of CPU: most township workbooks take the fast path). */
let excelJs: Promise<typeof ExcelJSModule> | null = null;
const loadExcelJs = (): Promise<typeof ExcelJSModule> =>
  (excelJs ??= import('exceljs').then((m) => m.default));

/** JSZip, loaded when a workbook needs it (exceljs, or a zip unzipPlain does not take on): ~25 ms of CPU per thread otherwise spent at start-up. */
let jsZip: Promise<typeof JSZipModule> | null = null;
const loadJsZip = (): Promise<typeof JSZipModule> =>
  (jsZip ??= import('jszip').then((m) => m.default));

/** How readXlsxWorkbookVia got the cell values: from the scan (xlsxValues) or through exceljs. */
export type XlsxPath = 'fast' | 'exceljs';

/**
 * readXlsxWorkbook, saying which path gave the values; `allowFast: false` always reads through
 * exceljs (the tests compare both paths on the same files).
 */
export async function readXlsxWorkbookVia(
  bytes: Uint8Array,
  limits: ReaderLimits,
  allowFast = true,
): Promise<{ result: ReadResult; via: XlsxPath }> {
  const result = await readXlsxParts(bytes, limits, allowFast);
  return 'via' in result ? result : { result, via: 'exceljs' };
}

async function readXlsxParts(
  bytes: Uint8Array,
  limits: ReaderLimits,
  allowFast: boolean,
): Promise<ReadResult | { result: ReadResult; via: XlsxPath }> {
  if (bytes.length > limits.maxFileBytes)
    return fail({ code: 'E_FILE_TOO_LARGE', size: bytes.length, limit: limits.maxFileBytes });
  const entries = listZipEntries(bytes);
  if (entries === null) return unreadable('not-zip');
  if (!entries.names.has('[Content_Types].xml') || !entries.names.has('xl/workbook.xml'))
    return unreadable('not-xlsx');
  // What the directory claims is only a first filter: the inflated bytes are counted below too.
  if (entries.unzippedBytes > limits.maxInflatedBytes)
    return fail({ code: 'E_INFLATED_TOO_LARGE', limit: limits.maxInflatedBytes });

  let parts: Map<string, Uint8Array>;
  try {
    const eocd = findEndOfCentralDirectory(
      bytes,
      new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    );
    const inflated =
      unzipPlain(bytes, eocd, limits.maxInflatedBytes) ??
      (await inflateAll(bytes, limits.maxInflatedBytes));
    if (inflated === 'too-large')
      return fail({ code: 'E_INFLATED_TOO_LARGE', limit: limits.maxInflatedBytes });
    parts = inflated;
  } catch {
    return unreadable('corrupt');
  }

  const text = (name: string): string | undefined => {
    const part = parts.get(name);
    return part === undefined ? undefined : new TextDecoder('utf-8').decode(part);
  };
  const workbookXml = text('xl/workbook.xml');
  const relsXml = text('xl/_rels/workbook.xml.rels');
  if (workbookXml === undefined || relsXml === undefined) return unreadable('not-xlsx');
  // No worksheet listed: exceljs below tells a damaged workbook.xml (corrupt) from an empty one.
  const listed = listSheets(workbookXml, relsXml);

  // Cut every worksheet down to its content cells, and check the caps before anything is allocated.
  const scans = new Map<string, SheetScan>();
  let cells = 0;
  for (const sheet of listed.sheets) {
    // A part listed twice is scanned the second time as exceljs would be given it.
    const seen = scans.get(sheet.path);
    const xml = seen === undefined ? text(sheet.path) : stripSheet(seen.xml());
    if (xml === undefined) continue;
    const scan = scanSheet(xml);
    if (scan.maxRow > limits.maxRows)
      return fail({
        code: 'E_TOO_MANY_ROWS',
        sheet: sheet.name,
        rows: scan.maxRow,
        limit: limits.maxRows,
      });
    cells += scan.area;
    if (cells > limits.maxCells)
      return fail({ code: 'E_TOO_MANY_CELLS', sheet: sheet.name, cells, limit: limits.maxCells });
    scans.set(sheet.path, scan);
  }

  const fast = allowFast ? fastWorkbook(workbookXml, listed, scans, text) : null;
  if (fast !== null) return { result: { ok: true, workbook: fast }, via: 'fast' };
  // exceljs reads the worksheets as cut down, without what it would expand cell by cell.
  for (const [path, scan] of scans)
    parts.set(path, new TextEncoder().encode(stripSheet(scan.xml())));

  let ExcelJS: typeof ExcelJSModule;
  let workbook: ExcelJSModule.Workbook;
  try {
    ExcelJS = await loadExcelJs();
    workbook = new ExcelJS.Workbook();
  } catch {
    return unreadable('corrupt');
  }
  try {
    const JSZip = await loadJsZip();
    const zip = new JSZip();
    for (const [name, data] of parts) zip.file(name, data);
    const rebuilt = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    // exceljs types want a Node Buffer; it only reads the bytes (a Uint8Array in a browser).
    await workbook.xlsx.load(rebuilt as unknown as ExcelJSModule.Buffer);
  } catch {
    return unreadable('corrupt');
  }

  const sheets: ReadSheet[] = [];
  let active = 0;
  try {
    for (const [index, entry] of listed.sheets.entries()) {
      const scan = scans.get(entry.path);
      const worksheet = workbook.getWorksheet(entry.name);
      if (scan === undefined || worksheet === undefined) continue;
      if (index === listed.activeTab) active = sheets.length;
      sheets.push({
        name: entry.name,
        grid: readWorksheet(ExcelJS, worksheet, scan),
        info: sheetInfo(entry.name, scan),
        visible: entry.state === 'visible',
      });
    }
  } catch {
    return unreadable('corrupt');
  }
  if (sheets.length === 0) return unreadable('no-worksheet');
  const model: WorkbookModel = { format: 'xlsx', encoding: 'xlsx', sheets, active };
  return { ok: true, workbook: model };
}

/**
 * The workbook model straight from the scans (xlsxValues), or null when exceljs must read it: no
 * worksheet listed (exceljs tells a damaged workbook.xml from an empty one), a worksheet part exceljs
 * would not load by name, or a cell or part the fast path does not take on.
 */
function fastWorkbook(
  workbookXml: string,
  listed: { sheets: SheetEntry[]; activeTab: number },
  scans: ReadonlyMap<string, SheetScan>,
  text: (name: string) => string | undefined,
): WorkbookModel | null {
  if (listed.sheets.length === 0) return null;
  if (
    !listed.sheets.every(
      (s) => scans.has(s.path) && /^xl\/worksheets\/sheet\d+\.xml$/u.test(s.path),
    )
  )
    return null;
  if (new Set(listed.sheets.map((s) => s.name)).size !== listed.sheets.length) return null;
  // exceljs reads these two parts by their fixed names, whatever the relationships say.
  const texts = workbookTexts(text('xl/sharedStrings.xml'), text('xl/styles.xml'), workbookXml);
  if (texts === null) return null;
  const sheets: ReadSheet[] = [];
  for (const entry of listed.sheets) {
    const scan = scans.get(entry.path)!;
    if (scan.cells === null) return null;
    // Stripping keeps a worksheet's end tag where it was: only when the end is not there can it tell.
    const xml = endsWithRoot(scan.ending, 'worksheet') ? scan.ending : stripSheet(scan.xml());
    const grid = fastGrid(xml, scan.cells, scan.maxRow, scan.merges, texts);
    if (grid === null) return null;
    sheets.push({
      name: entry.name,
      grid,
      info: sheetInfo(entry.name, scan),
      visible: entry.state === 'visible',
    });
  }
  const active = listed.activeTab >= 0 && listed.activeTab < sheets.length ? listed.activeTab : 0;
  return { format: 'xlsx', encoding: 'xlsx', sheets, active };
}

/** What the legacy readXlsx returns: the chosen worksheet's grid, or why the file cannot be read (E_UNREADABLE). */
export type XlsxResult =
  | { ok: true; grid: Grid; sheetName: string }
  | { ok: false; code: 'E_UNREADABLE'; reason: UnreadableReason };

/** Options of the legacy readXlsx. */
export interface ReadXlsxOptions {
  /** Whether a worksheet's grid holds the entry sheet's header row (the core's header detection). */
  hasHeader?: (grid: Grid) => boolean;
}

/**
 * One grid from an .xlsx (kept for callers that want a single sheet, e.g. reading back a written
 * template): the first visible worksheet whose grid holds a header row, else the first visible one.
 */
export async function readXlsx(
  bytes: Uint8Array,
  options: ReadXlsxOptions = {},
): Promise<XlsxResult> {
  const read = await readXlsxWorkbook(bytes, LEGACY_LIMITS);
  if (!read.ok) {
    const { failure } = read;
    return {
      ok: false,
      code: 'E_UNREADABLE',
      reason: failure.code === 'E_UNREADABLE' ? failure.reason : 'too-large',
    };
  }
  const all = read.workbook.sheets;
  const visible = all.filter((s) => s.visible);
  const sheets = visible.length > 0 ? visible : all;
  const hasHeader = options.hasHeader;
  const found = hasHeader === undefined ? -1 : sheets.findIndex((s) => hasHeader(s.grid));
  const sheet = sheets[Math.max(0, found)]!;
  return { ok: true, grid: sheet.grid, sheetName: sheet.name ?? '' };
}

function fail(failure: ReadFailure): ReadResult {
  return { ok: false, failure };
}

function unreadable(reason: UnreadableReason): ReadResult {
  return fail({ code: 'E_UNREADABLE', reason });
}

/** The part of JSZip's object API that streams an entry (not in its published types). */
interface StreamingEntry {
  internalStream(type: 'uint8array'): {
    on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
    on(event: 'error', listener: (error: unknown) => void): unknown;
    on(event: 'end', listener: () => void): unknown;
    pause(): unknown;
    resume(): unknown;
  };
}

/**
 * Inflates every entry, counting the bytes as they come out and stopping at `limit` whatever the
 * directory declared (a zip whose directory says 1 KB and inflates to 2 GB stops at the cap).
 */
async function inflateAll(
  bytes: Uint8Array,
  limit: number,
): Promise<Map<string, Uint8Array> | 'too-large'> {
  const zip = await (await loadJsZip()).loadAsync(bytes);
  const parts = new Map<string, Uint8Array>();
  let total = 0;
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    const chunks: Uint8Array[] = [];
    const over = await new Promise<boolean>((resolve, reject) => {
      const stream = (file as unknown as StreamingEntry).internalStream('uint8array');
      let stopped = false;
      stream.on('data', (chunk) => {
        if (stopped) return;
        total += chunk.length;
        if (total > limit) {
          stopped = true;
          stream.pause();
          resolve(true);
        } else chunks.push(chunk);
      });
      stream.on('error', (error) =>
        stopped ? undefined : reject(error instanceof Error ? error : new Error(String(error))),
      );
      stream.on('end', () => (stopped ? undefined : resolve(false)));
      stream.resume();
    });
    if (over) return 'too-large';
    parts.set(name, concat(chunks));
  }
  return parts;
}

/** A worksheet entry of workbook.xml. */
interface SheetEntry {
  name: string;
  path: string;
  state: 'visible' | 'hidden' | 'veryHidden';
}

/** The worksheets in workbook order with their part paths, and the active tab (index into that order). */
function listSheets(
  workbookXml: string,
  relsXml: string,
): { sheets: SheetEntry[]; activeTab: number } {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/gu)) {
    const a = attributes(m[1] ?? '');
    if (a.Id !== undefined && a.Target !== undefined) targets.set(a.Id, a.Target);
  }
  const sheets: SheetEntry[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/gu)) {
    const a = attributes(m[1] ?? '');
    const target = targets.get(a['r:id'] ?? '');
    if (a.name === undefined || target === undefined) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//u, '')}`;
    const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
    sheets.push({ name: a.name, path, state });
  }
  const view = /<(?:\w+:)?workbookView\b([^>]*)>/u.exec(workbookXml);
  const activeTab = Number(attributes(view?.[1] ?? '').activeTab ?? 0);
  return { sheets, activeTab: Number.isInteger(activeTab) ? activeTab : 0 };
}

/** What scanSheet learns from a worksheet's XML. */
interface SheetScan {
  /** The XML with only content cells (stripSheet takes out what exceljs expands per cell): built on first call. */
  xml: () => string;
  /** The text the XML ends with (what follows sheetData, else the whole XML): its end tag can be tested without building it. */
  ending: string;
  /** Last row holding a content cell (0 when none). */
  maxRow: number;
  /** Sum over rows of the last content column: the cells the grid will hold. */
  area: number;
  /** Last content column of each row (1-based row → column). */
  widths: Map<number, number>;
  /** Rows marked hidden, and whether an autofilter is filtering (its hidden rows are data). */
  hiddenRows: number[];
  filter: { top: number; bottom: number } | null;
  hiddenColumns: { min: number; max: number }[];
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** A1 addresses of formula cells saved without a result (`<f>` and no `<v>`). */
  uncached: Set<string>;
  /** The kept cells (for xlsxValues); null when sheetData holds more than rows of cells (left to exceljs). */
  cells: ScannedCell[] | null;
}

/** A kept row of scanSheet: its prefix, number and start-tag attributes, and where its cells end in the cell list. */
interface KeptRow {
  prefix: string;
  row: number;
  attributes: string;
  end: number;
}

const ROW_PATTERN = /<((?:\w+:)?)row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1row>)/gu;
const CELL_PATTERN = /<((?:\w+:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/gu;
const CELL_REFERENCE = /(?:^|\s)r\s*=\s*"([^"]*)"/u;
/** Names of the elements read from outside sheetData (cols, mergeCells, autoFilter, sheetPr). */
const READ_TAGS = ['col', 'mergeCell', 'autoFilter', 'filterColumn', 'sheetPr'];

/**
 * Cuts a worksheet's XML down to the cells that hold a value, an inline string or a formula
 * (styled empty cells and empty rows go), each kept row and cell with its explicit address (the
 * XML itself is built only when exceljs needs it); merges, hidden rows/columns and the autofilter
 * are read here (stripSheet then takes them out of exceljs's way).
 */
function scanSheet(xml: string): SheetScan {
  const hiddenRows: number[] = [];
  const widths = new Map<number, number>();
  const uncached = new Set<string>();
  const cells: ScannedCell[] = [];
  const cellPrefixes: string[] = [];
  const kept: KeptRow[] = [];
  let regular = true;
  let maxRow = 0;
  let area = 0;
  let rowNumber = 0;
  const start = xml.search(/<(?:\w+:)?sheetData\b/u);
  const endMatch = /<\/(?:\w+:)?sheetData>/u.exec(xml);
  let xmlOf = (): string => xml;
  let ending = xml;
  // What the searches for the elements outside sheetData look at.
  let outside = xml;
  if (start >= 0 && endMatch !== null && endMatch.index > start) {
    const open = xml.indexOf('>', start) + 1;
    const inner = xml.slice(open, endMatch.index);
    // A '<' inside a start tag's attributes, or a read element's name inside sheetData, could make
    // the rebuilt rows part of what those searches find: they then search the rebuilt XML.
    let rowsMatter = READ_TAGS.some((tag) => inner.includes(tag));
    let rowEnd = 0;
    for (const row of inner.matchAll(ROW_PATTERN)) {
      // Anything but whitespace between rows is XML this scan does not understand: exceljs decides.
      if (!isBlankBetween(inner, rowEnd, row.index)) regular = false;
      rowEnd = row.index + row[0].length;
      const rowTag = row[2] ?? '';
      if (rowTag.includes('<')) {
        regular = false;
        rowsMatter = true;
      }
      const prefix = row[1] ?? '';
      const rowAttributes = attributes(rowTag);
      const r = Number(rowAttributes.r ?? rowNumber + 1);
      rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
      if (rowAttributes.hidden === '1' || rowAttributes.hidden === 'true')
        hiddenRows.push(rowNumber);
      let column = 0;
      let width = 0;
      const first = cells.length;
      const rowInner = row[3] ?? '';
      let cellEnd = 0;
      for (const cell of rowInner.matchAll(CELL_PATTERN)) {
        if (!isBlankBetween(rowInner, cellEnd, cell.index)) regular = false;
        cellEnd = cell.index + cell[0].length;
        const cellTag = cell[2] ?? '';
        // Only the position of an empty cell matters (a later cell may omit its own): no attribute parsing.
        const reference = CELL_REFERENCE.exec(cellTag);
        const at = reference === null ? null : parseA1(reference[1]!);
        column = at?.column ?? column + 1;
        const content = cell[3] ?? '';
        if (content === '') continue;
        const hasValue = /<(?:\w+:)?(?:v|is)\b/u.test(content);
        const hasFormula = /<(?:\w+:)?f\b/u.test(content);
        if (!hasValue && !hasFormula) continue;
        if (hasFormula && !/<(?:\w+:)?v\b/u.test(content))
          uncached.add(`${columnLetters(column)}${rowNumber}`);
        width = column;
        if (cellTag.includes('<')) rowsMatter = true;
        const rest = cellTag.replace(/\sr\s*=\s*"[^"]*"/u, '');
        cells.push({ row: rowNumber, column, attributes: rest, content });
        cellPrefixes.push(cell[1] ?? '');
      }
      if (!isBlankBetween(rowInner, cellEnd, rowInner.length)) regular = false;
      if (cells.length === first) continue;
      kept.push({ prefix, row: rowNumber, attributes: rowTag, end: cells.length });
      widths.set(rowNumber, width);
      maxRow = Math.max(maxRow, rowNumber);
      area += width;
    }
    if (!isBlankBetween(inner, rowEnd, inner.length)) regular = false;
    const head = xml.slice(0, open);
    const tail = xml.slice(endMatch.index);
    let built: string | null = null;
    xmlOf = () => (built ??= `${head}${rowsXml(kept, cells, cellPrefixes)}${tail}`);
    ending = tail;
    // Without those, every match lies in the text before or after sheetData (each ends with '>').
    outside = rowsMatter ? xmlOf() : `${head}${tail}`;
  }

  // (Each search only when its tag's name occurs: most worksheets have no hidden column, merge or filter.)
  const hiddenColumns: { min: number; max: number }[] = [];
  if (outside.includes('col'))
    for (const m of outside.matchAll(/<(?:\w+:)?col\b([^>]*)>/gu)) {
      const a = attributes(m[1] ?? '');
      if (a.hidden !== '1' && a.hidden !== 'true') continue;
      const min = Number(a.min);
      const max = Number(a.max ?? a.min);
      if (Number.isInteger(min) && Number.isInteger(max) && min >= 1 && max >= min)
        hiddenColumns.push({ min, max });
    }
  const merges: SheetScan['merges'] = [];
  for (const m of outside.includes('mergeCell')
    ? outside.matchAll(/<(?:\w+:)?mergeCell\b([^>]*)>/gu)
    : []) {
    const [from, to] = (attributes(m[1] ?? '').ref ?? '').split(':');
    const a = parseA1(from ?? '');
    const b = parseA1(to ?? from ?? '');
    if (a === null || b === null) continue;
    merges.push({
      top: Math.min(a.row, b.row),
      left: Math.min(a.column, b.column),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.column, b.column),
    });
  }
  let filter: SheetScan['filter'] = null;
  const autoFilter = outside.includes('autoFilter')
    ? /<((?:\w+:)?)autoFilter\b([^>]*?)(\/>|>([\s\S]*?)<\/\1autoFilter>)/u.exec(outside)
    : null;
  const filtering =
    (outside.includes('filterMode') &&
      /<(?:\w+:)?sheetPr\b[^>]*\bfilterMode\s*=\s*"(?:1|true)"/u.test(outside)) ||
    /<(?:\w+:)?filterColumn\b/u.test(autoFilter?.[4] ?? '');
  if (autoFilter !== null && filtering) {
    const [from, to] = (attributes(autoFilter[2] ?? '').ref ?? '').split(':');
    const a = parseA1(from ?? '');
    const b = parseA1(to ?? from ?? '');
    if (a !== null && b !== null) filter = { top: a.row, bottom: b.row };
  }

  return {
    xml: xmlOf,
    ending,
    maxRow,
    area,
    widths,
    hiddenRows,
    filter,
    hiddenColumns,
    merges,
    uncached,
    cells: regular ? cells : null,
  };
}

/** The kept rows as XML, each row and cell with its explicit address (what scanSheet's XML holds in sheetData). */
function rowsXml(
  rows: readonly KeptRow[],
  cells: readonly ScannedCell[],
  prefixes: readonly string[],
): string {
  const out: string[] = [];
  let at = 0;
  for (const row of rows) {
    const rest = row.attributes.replace(/\s(?:r|spans)\s*=\s*"[^"]*"/gu, '');
    let text = `<${row.prefix}row r="${row.row}"${rest}>`;
    for (; at < row.end; at++) {
      const cell = cells[at]!;
      const p = prefixes[at]!;
      text += `<${p}c r="${columnLetters(cell.column)}${cell.row}"${cell.attributes}>${cell.content}</${p}c>`;
    }
    out.push(`${text}</${row.prefix}row>`);
  }
  return out.join('');
}

/**
 * A scanned worksheet's XML as exceljs is given it: without the dimension and what exceljs would
 * expand cell by cell over a range (merges, data validations, conditional formats, hyperlinks,
 * column ranges, extensions), which scanSheet has read instead. Only the exceljs path needs it.
 */
function stripSheet(xml: string): string {
  return xml
    .replace(/<(?:\w+:)?dimension\b[^>]*\/>/gu, '')
    .replace(/<((?:\w+:)?)mergeCells\b[\s\S]*?<\/\1mergeCells>/gu, '')
    .replace(/<((?:\w+:)?)dataValidations\b[\s\S]*?<\/\1dataValidations>/gu, '')
    .replace(/<((?:\w+:)?)conditionalFormatting\b[\s\S]*?<\/\1conditionalFormatting>/gu, '')
    .replace(/<((?:\w+:)?)hyperlinks\b[\s\S]*?<\/\1hyperlinks>/gu, '')
    .replace(/<((?:\w+:)?)cols\b[\s\S]*?<\/\1cols>/gu, '')
    .replace(/<((?:\w+:)?)extLst\b[\s\S]*?<\/\1extLst>/gu, '');
}

/** True when text[from, to) is whitespace only. */
function isBlankBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/** SheetInfo from the scan, clipped to the grid (a merge or hidden range past the content is left out). */
function sheetInfo(name: string, scan: SheetScan): SheetInfo {
  const width = Math.max(0, ...scan.widths.values());
  const hiddenRows = scan.hiddenRows.filter(
    (r) =>
      r <= scan.maxRow &&
      // Rows an active autofilter hides (below its header row) are data, not the chair's choice.
      !(scan.filter !== null && r > scan.filter.top && r <= scan.filter.bottom),
  );
  const hiddenColumns: number[] = [];
  for (const range of scan.hiddenColumns)
    for (let c = range.min; c <= Math.min(range.max, width); c++) hiddenColumns.push(c);
  const merges = scan.merges
    .filter((m) => m.top <= scan.maxRow && m.left <= width)
    .map((m) => ({
      ...m,
      bottom: Math.min(m.bottom, scan.maxRow),
      right: Math.min(m.right, width),
    }))
    .filter((m) => m.bottom > m.top || m.right > m.left);
  return {
    name,
    hiddenRows,
    hiddenColumns: [...new Set(hiddenColumns)].sort((a, b) => a - b),
    merges,
    typed: true,
  };
}

/** A worksheet's grid from its content cells (rows up to the last content row; merged cells other than the top-left blank). */
function readWorksheet(
  ExcelJS: typeof ExcelJSModule,
  sheet: ExcelJSModule.Worksheet,
  scan: SheetScan,
): Grid {
  const rows: Cell[][] = Array.from({ length: scan.maxRow }, () => []);
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    const cells = rows[r - 1];
    if (cells === undefined) return;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      while (cells.length < c - 1) cells.push(null);
      cells[c - 1] = readCell(ExcelJS, cell, scan.uncached);
    });
  });
  return finishGrid(rows, scan.merges, scan.maxRow);
}

/**
 * One cell: a formula gives its cached result; one saved without a result (a generator that does
 * not compute) gives its `=formula` text, which earns a finding at the cell (read as blank it would
 * count as 0); a formula whose result is the empty text (`<v></v>`) stays blank.
 */
function readCell(
  ExcelJS: typeof ExcelJSModule,
  cell: ExcelJSModule.Cell,
  uncached: ReadonlySet<string>,
): Cell {
  if (cell.type !== ExcelJS.ValueType.Formula) return toCell(cell.value);
  // `cell.value` drops a falsy result (a SUM of 0 comes back without one); the `result` getter keeps it.
  const result: unknown = cell.result;
  if (result !== undefined) return toCell(result);
  return uncached.has(cell.address) ? `=${cell.formula ?? ''}` : null;
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

/** 'AB12' → { row: 12, column: 28 }; null when it is not an A1 address. */
function parseA1(address: string): { row: number; column: number } | null {
  // By hand, as /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/ reads it: it runs once per cell of every worksheet.
  const text = address.trim();
  let at = text.charCodeAt(0) === 36 ? 1 : 0; // $
  let column = 0;
  const lettersFrom = at;
  for (let c = text.charCodeAt(at) | 32; c >= 97 && c <= 122; c = text.charCodeAt(++at) | 32)
    column = column * 26 + (c - 96);
  if (at === lettersFrom || at - lettersFrom > 3) return null;
  if (text.charCodeAt(at) === 36) at++;
  const digitsFrom = at;
  let row = 0;
  for (let c = text.charCodeAt(at); c >= 48 && c <= 57; c = text.charCodeAt(++at))
    row = row * 10 + (c - 48);
  if (at === digitsFrom || at - digitsFrom > 7 || at !== text.length) return null;
  return { row, column };
}

/** The attributes of an XML start tag (values with the five predefined entities decoded). */
function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/gu))
    out[m[1]!] = decodeEntities(m[2] ?? '');
  return out;
}

/** The five predefined entities decoded (a value without `&` as it is). */
function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&amp;/gu, '&');
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
