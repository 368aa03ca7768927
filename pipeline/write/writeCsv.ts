/** Writes an output table as CSV: UTF-8 with BOM (Excel and WPS open it right), CRLF, injection-neutralised text. */
import { neutralizeText } from './neutralizeText';
import { cellNumber, type OutputTable, type TableCell, type TableColumn } from './outputTable';
import { writeTextChunks } from './writeTextChunks';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/u;

/**
 * One CSV field. Numbers are written as JavaScript prints them, except rates: a percentage with one
 * decimal (42.9%), as people read them (summary.json keeps the full fractions).
 */
export function csvField(cell: TableCell, column?: TableColumn): string {
  const number = cellNumber(cell, column);
  if (number !== null)
    return number.kind === 'rate' ? `${(number.value * 100).toFixed(1)}%` : String(number.value);
  if (typeof cell !== 'string') return '';
  const text = neutralizeText(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** The CSV text of `table` (BOM, header row, rows), line by line. */
export function* csvLines(table: OutputTable): Generator<string> {
  yield `\uFEFF${table.columns.map((c) => csvField(c.label)).join(',')}\r\n`;
  for (const row of table.rows())
    yield `${row.map((cell, i) => csvField(cell, table.columns[i])).join(',')}\r\n`;
}

/** Writes `table` to `path`. */
export function writeCsv(path: string, table: OutputTable): void {
  writeTextChunks(path, csvLines(table));
}
