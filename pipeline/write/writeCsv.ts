/** Writes an output table as CSV: UTF-8 with BOM (Excel and WPS open it right), CRLF, injection-neutralised text. */
import { neutralizeText } from './neutralizeText';
import type { CellKind, OutputTable, TableCell, TableColumn } from './outputTable';
import { writeTextChunks } from './writeTextChunks';

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/u;

/** A number as CSV writes it: as JavaScript prints it, a rate as a percentage with one decimal. */
const csvNumber = (value: number, kind: CellKind | undefined): string =>
  kind === 'rate' ? `${(value * 100).toFixed(1)}%` : String(value);

/**
 * One CSV field. Numbers are written as JavaScript prints them, except rates: a percentage with one
 * decimal (42.9%), as people read them (summary.json keeps the full fractions).
 */
export function csvField(cell: TableCell, column?: TableColumn): string {
  // No object per numeric cell: ~20 million on a nation roster.
  if (typeof cell === 'number') return csvNumber(cell, column?.kind);
  if (typeof cell === 'string') {
    const text = neutralizeText(cell);
    return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
  }
  return cell === null || cell.value === null ? '' : csvNumber(cell.value, cell.kind);
}

/** The CSV text of `table` (BOM, header row, rows), line by line. */
export function* csvLines(table: OutputTable): Generator<string> {
  const columns = table.columns;
  yield `\uFEFF${columns.map((c) => csvField(c.label)).join(',')}\r\n`;
  for (const row of table.rows())
    yield `${row.map((cell, i) => csvField(cell, columns[i])).join(',')}\r\n`;
}

/** Writes `table` to `path`. */
export function writeCsv(path: string, table: OutputTable): void {
  writeTextChunks(path, csvLines(table));
}
