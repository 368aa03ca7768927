/**
 * Cell values of a scanned worksheet without exceljs, for the plain workbooks townships send
 * (numbers, shared and inline strings, booleans, errors, formulas with cached results). It gives
 * exactly the values readXlsx's exceljs path gives, or null for anything it does not take on (a
 * formula without result, phonetic runs, `_x000D_` escapes, a `t="d"` cell, XML
 * that does not end where it should …): readXlsx then reads the workbook through exceljs.
 *
 * Why: loading a small township workbook through exceljs costs ~5 ms of CPU (a second unzip, a
 * stream per part, the style model), and the bounding scan (scanSheet) has already walked every
 * cell; at nation size .xlsx files were 40 % of the intake's CPU for 10 % of its files.
 */
import type { Cell, Grid } from '../core/types';
import { compactRow } from './readCsv';

/** One kept cell of scanSheet: 1-based row and column, the start tag's attributes, the content. */
export interface ScannedCell {
  row: number;
  column: number;
  attributes: string;
  content: string;
}

/** Shared strings (null entries for those the fast path does not take on), the date styles of cellXfs, the date system. */
export interface WorkbookTexts {
  strings: (string | null)[];
  /** Per cellXfs index: true when exceljs reads a number in that style as a date. */
  dateStyles: boolean[];
  /** workbookPr date1904="1": serial numbers count from 1904 (old Mac Excel). */
  date1904: boolean;
}

const TYPE = /(?:^|\s)t\s*=\s*"([^"]*)"/u;
const STYLE = /(?:^|\s)s\s*=\s*"(\d+)"/u;
// `<v/>` is no value to exceljs: it does not match here, and such a cell is left to exceljs.
const VALUE = /<((?:\w+:)?)v(?:\s[^>]*)?>([\s\S]*?)<\/\1v>/u;
const TEXT = /<((?:\w+:)?)t(?:\s[^>]*)?>([\s\S]*?)<\/\1t>|<(?:\w+:)?t(?:\s[^>]*)?\/>/gu;
const UNKNOWN_REFERENCE = /&(?!(?:#\d+|#x[0-9a-fA-F]+|lt|gt|amp|quot|apos);)/u;
const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(lt|gt|amp|quot|apos));/gu;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** What the fast path leaves to exceljs inside a text: phonetic runs, CDATA, OOXML escapes. */
const UNUSUAL_TEXT = /<(?:\w+:)?rPh\b|<!\[CDATA\[|_x[0-9a-fA-F]{4}_/u;
/**
 * Built-in number formats exceljs reads as dates: those of its default table (defaultnumformats.js)
 * whose code passes its date test; the locale-dependent ids (27–36, 50–58) have no code there and
 * stay numbers (test/readers/xlsxFastPath checks this set against exceljs's own table).
 */
export const DATE_FORMAT_IDS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47,
]);

/** XML text as a parser gives it: line ends normalized, the predefined and numeric entities decoded; null for a bad reference. */
function decodeXmlText(text: string): string | null {
  // Most texts hold neither a reference nor a carriage return: nothing to decode.
  if (!text.includes('&') && !text.includes('\r')) return text;
  // A reference the fast path does not know (the parser would fail or differ).
  if (UNKNOWN_REFERENCE.test(text)) return null;
  let bad = false;
  const out = text
    .replace(/\r\n?/gu, '\n')
    .replace(ENTITY, (_, dec?: string, hex?: string, name?: string) => {
      if (name !== undefined) return NAMED[name]!;
      const code = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
      if (!Number.isInteger(code) || code < 1 || code > 0x10ffff) {
        bad = true;
        return '';
      }
      return String.fromCodePoint(code);
    });
  return bad ? null : out;
}

/** The concatenated `<t>` texts of a shared or inline string (rich text runs joined), or null. */
function stringText(xml: string): string | null {
  if (UNUSUAL_TEXT.test(xml)) return null;
  let text = '';
  for (const m of xml.matchAll(TEXT)) {
    const decoded = decodeXmlText(m[2] ?? '');
    if (decoded === null) return null;
    text += decoded;
  }
  return text;
}

/** exceljs's date test of a format code (utils.isDateFmt): date letters outside quotes and brackets. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/u.test(code.replace(/\[[^\]]*\]/gu, '').replace(/"[^"]*"/gu, ''));
}

/** The attributes of a start tag (values entity-decoded), as readXlsx reads them. */
function attributeMap(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/gu))
    out.set(m[1]!, decodeXmlText(m[2] ?? '') ?? '\u0000');
  return out;
}

/** `</root>` or `</prefix:root>`, the whole text. */
const END_TAGS = new Map<string, RegExp>();

/**
 * True when an XML part ends with its root's end tag, whitespace after it aside (a part cut short is
 * left to exceljs to call corrupt). Only the text's last tag is tested, not the whole part.
 */
export function endsWithRoot(xml: string | undefined, root: string): boolean {
  if (xml === undefined) return true;
  let pattern = END_TAGS.get(root);
  if (pattern === undefined)
    END_TAGS.set(root, (pattern = new RegExp(`^</(?:\\w+:)?${root}>$`, 'u')));
  // trimEnd takes off what \s matches (white space and line terminators), no more.
  const text = xml.trimEnd();
  return pattern.test(text.slice(text.lastIndexOf('</')));
}

/** Shared strings and date styles of a workbook, or null when a part is not one the fast path takes on. */
export function workbookTexts(
  sharedStringsXml: string | undefined,
  stylesXml: string | undefined,
  workbookXml: string,
): WorkbookTexts | null {
  if (!endsWithRoot(sharedStringsXml, 'sst') || !endsWithRoot(stylesXml, 'styleSheet')) return null;
  const strings: (string | null)[] = [];
  if (sharedStringsXml !== undefined) {
    const open = /<(?:\w+:)?sst\b[^>]*>/u.exec(sharedStringsXml);
    if (open === null) return null;
    const body = sharedStringsXml
      .slice(open.index + open[0].length)
      .replace(/<\/(?:\w+:)?sst>\s*$/u, '');
    let end = 0;
    for (const m of body.matchAll(/<((?:\w+:)?)si\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1si>)/gu)) {
      // Only whitespace between the strings: anything else is XML the fast path does not read.
      if (body.slice(end, m.index).trim() !== '') return null;
      end = m.index + m[0].length;
      strings.push(stringText(m[2] ?? ''));
    }
    if (body.slice(end).trim() !== '') return null;
  }
  const custom = new Map<number, string>();
  for (const m of (stylesXml ?? '').matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/gu)) {
    const a = attributeMap(m[1] ?? '');
    custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  }
  const dateStyles: boolean[] = [];
  const xfs = /<((?:\w+:)?)cellXfs\b[^>]*>([\s\S]*?)<\/\1cellXfs>/u.exec(stylesXml ?? '');
  for (const m of (xfs?.[2] ?? '').matchAll(/<(?:\w+:)?xf\b([^>]*)>/gu)) {
    const id = parseInt(attributeMap(m[1] ?? '').get('numFmtId') ?? '', 10);
    // As exceljs: no id (or 0) is General; a custom code (when not empty) before the built-in one.
    const code = custom.get(id);
    dateStyles.push(!id ? false : code ? isDateFormat(code) : DATE_FORMAT_IDS.has(id));
  }
  const properties = /<(?:\w+:)?workbookPr\b([^>]*)>/u.exec(workbookXml);
  const date1904 = attributeMap(properties?.[1] ?? '').get('date1904') === '1';
  return { strings, dateStyles, date1904 };
}

/** A number as exceljs reads `<v>` (parseFloat); in a date style the date it gives, as readXlsx writes dates. */
function numberCell(v: string, style: number | null, texts: WorkbookTexts): Cell | undefined {
  const n = parseFloat(v);
  // exceljs ignores style 0 and a style index past cellXfs (no style model).
  if (style !== null && style !== 0 && texts.dateStyles[style] === true)
    return formatDate(
      new Date(Math.round((n - 25569 + (texts.date1904 ? 1462 : 0)) * 24 * 3600 * 1000)),
    );
  return Number.isFinite(n) ? n : null;
}

/** Dates as UTC instants of the serial number: YYYY-MM-DD, plus HH:MM when there is a time. */
export function formatDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const hours = date.getUTCHours();
  const minutes = date.getUTCMinutes();
  return hours === 0 && minutes === 0 ? day : `${day} ${pad(hours)}:${pad(minutes)}`;
}

/** A cell's content as the fast path takes it: only `<f>`, `<v>` and `<is>` elements, whitespace between. */
const CONTENT_SHAPE =
  /^(?:\s|<((?:\w+:)?)f\b[^>]*\/>|<((?:\w+:)?)f\b[^>]*>[^<]*<\/\2f>|<((?:\w+:)?)v>[^<]*<\/\3v>|<((?:\w+:)?)is>[\s\S]*?<\/\4is>)*$/u;

/** One cell's value as readXlsx's exceljs path gives it, or undefined when the fast path does not take it on. */
function cellValue(cell: ScannedCell, texts: WorkbookTexts): Cell | undefined {
  if (cell.attributes.includes('<') || !CONTENT_SHAPE.test(cell.content)) return undefined;
  const t = TYPE.exec(cell.attributes)?.[1] ?? 'n';
  const s = STYLE.exec(cell.attributes);
  const style = s === null ? null : Number(s[1]);
  const value = VALUE.exec(cell.content);
  const v = value === null ? null : decodeXmlText(value[2] ?? '');
  if (value !== null && v === null) return undefined;
  if (/<(?:\w+:)?f\b/u.test(cell.content)) {
    // A formula gives its cached result; without one (or with an empty one) exceljs is asked.
    if (v === null) return undefined;
    if (v === '') return null;
    if (t === 'str') return v.includes('&') ? undefined : v; // exceljs decodes such a result twice
    if (t === 'b') return parseInt(v, 10) !== 0;
    if (t === 'e') return v;
    return t === 'n' ? numberCell(v, style, texts) : undefined;
  }
  if (t === 'inlineStr') {
    const is = /<((?:\w+:)?)is\b[^>]*>([\s\S]*?)<\/\1is>/u.exec(cell.content);
    return is === null ? undefined : (stringText(is[2] ?? '') ?? undefined);
  }
  if (v === null) return undefined;
  switch (t) {
    case 's': {
      const index = parseInt(v, 10);
      if (!(index >= 0 && index < texts.strings.length)) return null;
      return texts.strings[index] ?? undefined;
    }
    case 'str':
      return v.includes('&') ? undefined : v;
    case 'b':
      return parseInt(v, 10) !== 0;
    case 'e':
      return v;
    case 'n':
      return numberCell(v, style, texts);
    default:
      return undefined;
  }
}

/**
 * The grid of a scanned worksheet (merged cells other than the top-left blank, trailing blanks
 * dropped), or null when some cell or part is left to exceljs.
 */
export function fastGrid(
  sheetXml: string,
  cells: readonly ScannedCell[],
  maxRow: number,
  merges: readonly { top: number; left: number; bottom: number; right: number }[],
  texts: WorkbookTexts,
): Grid | null {
  if (!endsWithRoot(sheetXml, 'worksheet')) return null;
  const rows: Cell[][] = Array.from({ length: maxRow }, () => []);
  for (const cell of cells) {
    const value = cellValue(cell, texts);
    if (value === undefined) return null;
    const row = rows[cell.row - 1];
    if (row === undefined) continue;
    while (row.length < cell.column - 1) row.push(null);
    row[cell.column - 1] = value;
  }
  return finishGrid(rows, merges, maxRow);
}

/**
 * The grid of a worksheet's rows, as both .xlsx paths give it: merged cells other than the
 * top-left blank, blank cells null, trailing blanks and trailing empty rows dropped.
 */
export function finishGrid(
  rows: Cell[][],
  merges: readonly { top: number; left: number; bottom: number; right: number }[],
  maxRow: number,
): Grid {
  for (const m of merges)
    for (let r = m.top; r <= Math.min(m.bottom, maxRow); r++) {
      const row = rows[r - 1];
      if (row === undefined) continue;
      for (let c = m.left; c <= m.right && c <= row.length; c++)
        if (r !== m.top || c !== m.left) row[c - 1] = null;
    }
  const grid = rows.map(compactRow);
  while (grid.length > 0 && (grid[grid.length - 1] ?? []).length === 0) grid.pop();
  return grid;
}
