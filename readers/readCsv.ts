/** Text → grid for CSV/TXT files: papaparse with the delimiter detected among comma, tab and semicolon. */
import Papa from 'papaparse';
import type { Cell, Grid } from '../core/types';

/** The delimiters a township file may use; the first one wins a tie. */
export const DELIMITERS = [',', '\t', ';'] as const;

/** A delimiter readCsv detects. */
export type Delimiter = (typeof DELIMITERS)[number];

/** Rows scored when detecting the delimiter: the header row sits in the first few dozen. */
const SCORE_ROWS = 200;

/**
 * Parses CSV text into a grid of strings (never typed: the core parses by schema), one grid row per
 * CSV record so a quoted cell spanning lines is one row; blank cells are null, trailing blank cells
 * and trailing empty lines are dropped. An Excel `sep=` first line sets the delimiter and is dropped.
 */
export function readCsv(text: string): Grid {
  return readCsvCapped(text, Infinity).grid;
}

/**
 * readCsv reading at most `maxRows` records: when records with content follow, `rows` gives how
 * far the text reaches (its line count) and the grid is cut there, so a file of millions of lines
 * is never split into millions of arrays. Blank records past the cap (an export padded with empty
 * rows) are dropped like trailing blank rows.
 */
export function readCsvCapped(text: string, maxRows: number): { grid: Grid; rows: number | null } {
  // One line-break style: Excel writes CRLF between records and LF inside cells; mixed files exist.
  let body = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  // Excel's "sep=;" first line names the delimiter and is not shown as a row, so row numbers match Excel's.
  const hint = /^sep=([,\t;])\n/u.exec(body);
  if (hint) body = body.slice(hint[0].length);
  const picked = hint ? null : pickDelimiter(body);
  const delimiter = (hint?.[1] as Delimiter | undefined) ?? picked!.delimiter;
  const capped = Number.isFinite(maxRows);
  // The scoring parse read every record when it stopped short of SCORE_ROWS (and of the cap).
  const whole =
    picked?.parsed != null &&
    picked.parsed.rows.length < SCORE_ROWS &&
    picked.parsed.rows.length < maxRows
      ? picked.parsed
      : null;
  const { rows, cursor } = whole ?? parseRowsAt(body, delimiter, capped ? maxRows : 0);
  const grid = rows.map(compactRow);
  while (grid.length > 0 && (grid[grid.length - 1] ?? []).length === 0) grid.pop();
  let over: number | null = null;
  if (capped && rows.length >= maxRows && cursor < body.length) {
    // Content after the cap (anything but delimiters, quotes, spaces, line breaks): the line it ends on.
    let last = body.length - 1;
    while (last >= cursor && /[,;\t\n" ]/u.test(body[last]!)) last--;
    if (last >= cursor) over = countLines(body.slice(0, last + 1));
  }
  return { grid, rows: over };
}

/**
 * The delimiter that splits the most rows into the same number of fields (the sheet's column count),
 * weighted by that count: a tab-separated sheet whose notes hold a comma still scores tab.
 */
export function detectDelimiter(text: string): Delimiter {
  return pickDelimiter(text).delimiter;
}

/**
 * detectDelimiter, with the winner's scoring parse: when it holds the whole text (fewer than
 * SCORE_ROWS records), readCsvCapped uses it instead of parsing the text again. A delimiter that
 * does not occur in the text splits no row (score 0) and is not parsed at all: a township CSV is
 * then parsed once instead of four times.
 */
function pickDelimiter(text: string): { delimiter: Delimiter; parsed: ParsedRows | null } {
  let best: Delimiter = DELIMITERS[0];
  let bestScore = 0;
  let bestParse: ParsedRows | null = null;
  for (const delimiter of DELIMITERS) {
    if (!text.includes(delimiter)) continue;
    const parsed = parseRowsAt(text, delimiter, SCORE_ROWS);
    const score = scoreDelimiter(parsed.rows);
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
      bestParse = parsed;
    }
  }
  return { delimiter: best, parsed: bestParse };
}

function scoreDelimiter(rows: string[][]): number {
  const rowsByWidth = new Map<number, number>();
  for (const row of rows) {
    const width = compactRow(row).length;
    if (width > 1) rowsByWidth.set(width, (rowsByWidth.get(width) ?? 0) + 1);
  }
  let score = 0;
  for (const [width, count] of rowsByWidth) score = Math.max(score, width * count);
  return score;
}

/** 1 + the line breaks of a text (counted without building an array: the text may hold millions). */
function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/** The records (at most `preview` when > 0) and how many characters they took. */
/** Records papaparse read, and how many characters they took. */
interface ParsedRows {
  rows: string[][];
  cursor: number;
}

function parseRowsAt(text: string, delimiter: Delimiter, preview: number): ParsedRows {
  const result = Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    dynamicTyping: false,
    skipEmptyLines: false,
    header: false,
    preview,
  });
  return { rows: result.data, cursor: result.meta.cursor };
}

/** Blank strings become null and trailing nulls are dropped, so every reader gives the same grid for the same sheet. */
export function compactRow(row: readonly Cell[]): Cell[] {
  const cells = row.map((cell) => (cell === '' || cell === undefined ? null : cell));
  let end = cells.length;
  while (end > 0 && cells[end - 1] === null) end--;
  return cells.slice(0, end);
}
