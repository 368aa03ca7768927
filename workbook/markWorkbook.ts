/**
 * The 标注版 (marked copy) of a township file: an .xlsx with each finding's cell filled and
 * commented, and a first sheet 问题清单 listing the findings with links to their cells. No Node:
 * the CLI (validate --mark, merge's returns/) and the offline check page call the same function.
 */
import ExcelJS from 'exceljs';
import { fillText } from '../core/text/fillText';
import type { Grid, MarkFill, RenderedFinding, Schema, Severity, Text2 } from '../core/types';

/** The file a 标注版 is made from, as the readers read it. */
export interface MarkSource {
  /** The original file's bytes (never modified). */
  bytes: Uint8Array;
  /** Base name, e.g. 青石镇.csv. */
  fileName: string;
  format: 'xlsx' | 'xls' | 'csv' | 'txt';
  /** The worksheet that was read (xlsx/xls), null for csv/txt. */
  sheetName: string | null;
  /** The grid that was validated (used for csv/txt/xls copies). */
  grid: Grid;
}

/** Options of markWorkbook. */
export interface MarkOptions {
  schema: Schema;
  lang: 'zh' | 'en';
}

/**
 * A 标注版: an .xlsx copy with each finding's cell marked (errors solid #FFC7CE, warnings #FFEB9C
 * with LightUp stripes — the add-in's MARK_FILLS, read from the schema's `ui.markFills`), a comment
 * with the message, and a first sheet 问题清单 listing the findings with links to the cells. An
 * .xlsx keeps the user's values, formulas and formats; csv/txt/xls become a new .xlsx from the grid.
 */
export async function markWorkbook(
  source: MarkSource,
  findings: readonly RenderedFinding[],
  options: MarkOptions,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { schema, lang } = options;
  const text = (t: Text2): string => t[lang];
  const copy = schema.ui.markCopy;
  const workbook = source.format === 'xlsx' ? await loadXlsx(source.bytes) : null;
  const book = workbook ?? gridWorkbook(source);
  const sheet =
    (source.sheetName !== null && workbook !== null
      ? book.getWorksheet(source.sheetName)
      : undefined) ?? book.worksheets[0]!;

  markCells(sheet, findings, schema, lang);
  const list = addFindingsSheet(book, sheet.name, source.fileName, findings, schema, lang);
  // The list opens first: the chair sees what to correct before the sheet itself.
  for (const ws of book.worksheets)
    ws.views = (ws.views ?? []).map((v) => ({ ...v, tabSelected: ws === list }));
  book.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' },
  ];

  const written = await book.xlsx.writeBuffer();
  return {
    bytes: new Uint8Array(written),
    fileName: `${stem(source.fileName)}${text(copy.fileSuffix)}.xlsx`,
  };
}

/** The file name without its extension (青石镇.csv → 青石镇). */
function stem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

/** The workbook of an .xlsx, or null when exceljs cannot load it whole (the grid copy is made instead). */
async function loadXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types want a Node Buffer; it only reads the bytes (a Uint8Array in a browser).
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return null;
  }
  return workbook.worksheets.length > 0 ? workbook : null;
}

/** Characters Excel forbids in a sheet name. */
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/gu;

/** A sheet name Excel takes: forbidden characters dropped, at most 31 characters, not blank. */
function sheetNameOf(name: string): string {
  const cleaned = name
    .replace(SHEET_NAME_FORBIDDEN, '')
    .replace(/^'+|'+$/gu, '')
    .trim();
  return [...(cleaned === '' ? 'Sheet1' : cleaned)].slice(0, 31).join('');
}

/**
 * A plain decimal as CSV text holds it (120, -3, 36000.5), with at most 10 integer digits and no
 * leading zero: what Excel would show as a number. Village codes (0012), phone and ID numbers stay text.
 */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d{0,9})(?:\.\d+)?$/u;

/**
 * A new workbook from the validated grid (csv/txt/xls, or an .xlsx exceljs cannot load): values as
 * read — numbers stay numbers, text stays text (a text starting with = is never made a formula). A
 * csv/txt grid is all text: its plain numbers become numbers, as Excel opens a CSV, so the copy
 * saved as .xlsx is not a sheet of numbers stored as text.
 */
function gridWorkbook(source: MarkSource): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetNameOf(source.sheetName ?? stem(source.fileName)));
  const untyped = source.format === 'csv' || source.format === 'txt';
  const widths: number[] = [];
  source.grid.forEach((cells, r) => {
    // A row of one cell (the title, a note under the table) runs over its neighbours: it sets no width.
    const alone = cells.filter((v) => v !== null && v !== '').length === 1;
    cells.forEach((value, c) => {
      if (value === null || value === '') return;
      sheet.getCell(r + 1, c + 1).value =
        untyped && typeof value === 'string' && PLAIN_NUMBER.test(value) ? Number(value) : value;
      const width = alone ? 0 : displayWidth(String(value));
      if (width > (widths[c] ?? 0)) widths[c] = width;
    });
  });
  // Printed on landscape pages one sheet wide, as the entry template is.
  sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  // Wide enough to read, never wider than a screen's third (a long title spans the row anyway).
  widths.forEach((w, c) => {
    sheet.getColumn(c + 1).width = Math.min(Math.max(w + 2, 6), 40);
  });
  return workbook;
}

/** Width in Excel character units: CJK characters count two. */
function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2E80-\uFFEF]/u.test(ch) ? 2 : 1;
  return n;
}

/**
 * The exceljs pattern fill of a mark, Office.js names (Solid, LightUp) in OOXML spelling (solid,
 * lightUp). Solid: fgColor is the colour. A pattern: the colour is the background (bgColor, as
 * Office.js fill.color is) and patternColor the stripes (fgColor), so it looks as the add-in's mark.
 */
export function markFill(fill: MarkFill): ExcelJS.FillPattern {
  const argb = (hex: string): { argb: string } => ({ argb: `FF${hex.slice(1).toUpperCase()}` });
  const pattern = (fill.pattern.charAt(0).toLowerCase() +
    fill.pattern.slice(1)) as ExcelJS.FillPatterns;
  if (pattern === 'solid') return { type: 'pattern', pattern, fgColor: argb(fill.color) };
  return {
    type: 'pattern',
    pattern,
    ...(fill.patternColor === undefined ? {} : { fgColor: argb(fill.patternColor) }),
    bgColor: argb(fill.color),
  };
}

/**
 * Fills and comments every finding's cell: one mark per cell (an error outranks a warning), one
 * comment holding every message of that cell; a comment already there is kept, ours appended.
 */
function markCells(
  sheet: ExcelJS.Worksheet,
  findings: readonly RenderedFinding[],
  schema: Schema,
  lang: 'zh' | 'en',
): void {
  const byCell = new Map<
    string,
    { row: number; column: number; severity: Severity; messages: string[] }
  >();
  for (const f of findings) {
    if (f.row === null || f.column === null) continue;
    const key = `${f.row}:${f.column}`;
    const message = lang === 'zh' ? f.message_zh : f.message_en;
    const seen = byCell.get(key);
    if (seen === undefined)
      byCell.set(key, { row: f.row, column: f.column, severity: f.severity, messages: [message] });
    else {
      if (f.severity === 'error') seen.severity = 'error';
      if (!seen.messages.includes(message)) seen.messages.push(message);
    }
  }
  const heading = schema.ui.markCopy.commentHeading[lang];
  for (const mark of byCell.values()) {
    const cell = sheet.getCell(mark.row, mark.column);
    // A fresh style object: cells loaded with the same style share one, and a fill set on it would paint them all.
    cell.style = { ...cell.style, fill: markFill(schema.ui.markFills[mark.severity]) };
    const ours = `${heading}\n${mark.messages.join('\n')}`;
    cell.note = appendNote(cell.note, ours);
  }
}

/** A comment with `text` after what the cell's comment already says. */
function appendNote(
  existing: ExcelJS.Cell['note'] | undefined,
  text: string,
): ExcelJS.Comment | string {
  if (existing === undefined || existing === null || existing === '') return text;
  if (typeof existing === 'string') return `${existing}\n\n${text}`;
  const texts = existing.texts ?? [];
  return { ...existing, texts: [...texts, { text: `\n\n${text}` }] };
}

/** A sheet name not yet taken in `workbook` (问题清单, else 问题清单(2) …). */
function freeSheetName(workbook: ExcelJS.Workbook, name: string): string {
  const taken = new Set(workbook.worksheets.map((ws) => ws.name.toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name}(${i})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** A sheet name as a formula reference: 'name' with quotes doubled. */
function quoteSheet(name: string): string {
  return `'${name.replace(/'/gu, "''")}'`;
}

/**
 * Adds 问题清单 as the first sheet: a title line, then per finding 行, 列/单元格 (a HYPERLINK to the
 * cell: exceljs writes internal hyperlinks as external ones, which Excel and WPS do not follow),
 * 严重程度, 说明, 建议值, and the code last, for machines. File-level findings have no cell.
 */
function addFindingsSheet(
  workbook: ExcelJS.Workbook,
  markedSheet: string,
  fileName: string,
  findings: readonly RenderedFinding[],
  schema: Schema,
  lang: 'zh' | 'en',
): ExcelJS.Worksheet {
  const copy = schema.ui.markCopy;
  const t = (x: Text2): string => x[lang];
  const sheet = workbook.addWorksheet(freeSheetName(workbook, t(copy.sheet)));
  // exceljs orders sheets by orderNo (not in its types): below every other sheet's puts this one first.
  const order = (ws: ExcelJS.Worksheet): { orderNo: number } =>
    ws as unknown as { orderNo: number };
  order(sheet).orderNo = Math.min(...workbook.worksheets.map((ws) => order(ws).orderNo)) - 1;

  const errors = findings.filter((f) => f.severity === 'error').length;
  sheet.getCell(1, 1).value = fillText(t(copy.title), {
    file: fileName,
    errors,
    warnings: findings.length - errors,
  });
  sheet.getCell(1, 1).font = { bold: true };
  const header = [copy.row, copy.cell, copy.severity, copy.message, copy.suggestion, copy.code].map(
    t,
  );
  const headerRow = sheet.getRow(2);
  header.forEach((h, i) => {
    headerRow.getCell(i + 1).value = h;
  });
  headerRow.font = { bold: true };
  const widths = [6, 12, 10, 80, 16, 28];
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  sheet.getColumn(4).alignment = { wrapText: true, vertical: 'top' };

  const target = quoteSheet(markedSheet);
  findings.forEach((f, i) => {
    const row = sheet.getRow(i + 3);
    row.getCell(1).value = f.row;
    if (f.cell !== null && f.row !== null && f.column !== null) {
      const link = `#${target}!${f.cell}`.replace(/"/gu, '""');
      row.getCell(2).value = {
        formula: `HYPERLINK("${link}","${f.cell}")`,
        result: f.cell,
      };
      row.getCell(2).font = { color: { argb: 'FF0563C1' }, underline: true };
    } else if (f.row === null) row.getCell(2).value = t(copy.wholeFile);
    row.getCell(3).value = t(f.severity === 'error' ? copy.error : copy.warning);
    row.getCell(3).fill = markFill(schema.ui.markFills[f.severity]);
    row.getCell(4).value = lang === 'zh' ? f.message_zh : f.message_en;
    row.getCell(5).value = f.suggestion;
    row.getCell(6).value = f.code;
  });
  sheet.views = [{ state: 'frozen', ySplit: 2, xSplit: 0 }];
  sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return sheet;
}
