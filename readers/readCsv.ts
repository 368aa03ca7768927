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
  // One line-break style: Excel writes CRLF between records and LF inside cells; mixed files exist.
  let body = text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n');
  // Excel's "sep=;" first line names the delimiter and is not shown as a row, so row numbers match Excel's.
  const hint = /^sep=([,\t;])\n/u.exec(body);
  if (hint) body = body.slice(hint[0].length);
  const rows = parseRows(body, (hint?.[1] as Delimiter | undefined) ?? detectDelimiter(body));
  const grid = rows.map(compactRow);
  while (grid.length > 0 && (grid[grid.length - 1] ?? []).length === 0) grid.pop();
  return grid;
}

/**
 * The delimiter that splits the most rows into the same number of fields (the sheet's column count),
 * weighted by that count: a tab-separated sheet whose notes hold a comma still scores tab.
 */
export function detectDelimiter(text: string): Delimiter {
  let best: Delimiter = DELIMITERS[0];
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const score = scoreDelimiter(parseRows(text, delimiter, SCORE_ROWS));
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
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

function parseRows(text: string, delimiter: Delimiter, preview = 0): string[][] {
  const result = Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    dynamicTyping: false,
    skipEmptyLines: false,
    header: false,
    preview,
  });
  return result.data;
}

/** Blank strings become null and trailing nulls are dropped, so every reader gives the same grid for the same sheet. */
export function compactRow(row: readonly Cell[]): Cell[] {
  const cells = row.map((cell) => (cell === '' || cell === undefined ? null : cell));
  let end = cells.length;
  while (end > 0 && cells[end - 1] === null) end--;
  return cells.slice(0, end);
}
