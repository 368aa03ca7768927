/** Finds the header row and maps its cells to schema columns (entry-sheet §1). */
import { makeFinding } from '../findings/makeFinding';
import { normalizeHeader } from '../normalize/normalizeText';
import type { CompiledSchema } from '../schema/compileSchema';
import { compileSchema } from '../schema/compileSchema';
import type { ColumnMapping, Finding, Grid, Schema } from '../types';
import { cellText } from './cellText';

/** The header row (1-based, null when none), its column mapping, unknown columns and header findings. */
export interface HeaderResult {
  headerRow: number | null;
  columns: ColumnMapping[];
  unknownColumns: { column: number; header: string }[];
  findings: Finding[];
}

/** The 0-based header row: the first (within headerSearchRows) in which ≥ headerMatchThreshold of the non-empty cells (and at least two) are known headers; -1 when none. */
function headerIndex(grid: Grid, cs: CompiledSchema): number {
  const { schema } = cs;
  const limit = Math.min(grid.length, schema.headerSearchRows);
  for (let r = 0; r < limit; r++) {
    const row = grid[r] ?? [];
    let filled = 0;
    let matched = 0;
    for (const cell of row) {
      const key = normalizeHeader(cellText(cell));
      if (key === '') continue;
      filled++;
      if (cs.headerLookup.has(key)) matched++;
    }
    // Two matches at least, so a lone 序号 or 备注 cell above the table is not taken for the header.
    if (matched >= 2 && matched / filled >= schema.headerMatchThreshold) return r;
  }
  return -1;
}

/** The 1-based header row of a grid, or null: the cheap test of "is this the entry sheet" (no row is read, no finding made). */
export function findHeaderRow(grid: Grid, schema: Schema): number | null {
  const r = headerIndex(grid, compileSchema(schema));
  return r < 0 ? null : r + 1;
}

/** The header row (see headerIndex) with its column mapping and header findings; E_NO_HEADER when none. */
export function detectHeader(grid: Grid, cs: CompiledSchema): HeaderResult {
  const r = headerIndex(grid, cs);
  if (r >= 0) return mapHeader(grid, r, cs);
  return {
    headerRow: null,
    columns: [],
    unknownColumns: [],
    findings: [makeFinding(cs.schema, 'E_NO_HEADER')],
  };
}

/** Maps the header cells of 0-based row `r`; a second cell for an already mapped column counts as unknown (the first wins). */
function mapHeader(grid: Grid, r: number, cs: CompiledSchema): HeaderResult {
  const { schema } = cs;
  const row = grid[r] ?? [];
  const headerRow = r + 1;
  const columns: ColumnMapping[] = [];
  const unknownColumns: { column: number; header: string }[] = [];
  const findings: Finding[] = [];
  const mapped = new Set<string>();
  row.forEach((cell, c) => {
    const header = cellText(cell).trim();
    const key = normalizeHeader(header);
    if (key === '') return;
    const field = cs.headerLookup.get(key);
    if (field !== undefined && !mapped.has(field)) {
      mapped.add(field);
      columns.push({ field, column: c + 1, header });
    } else {
      unknownColumns.push({ column: c + 1, header });
      findings.push(
        makeFinding(schema, 'W_UNKNOWN_COLUMN', { row: headerRow, column: c + 1, value: header }),
      );
    }
  });
  for (const col of schema.columns)
    if (col.inHeader !== false && !mapped.has(col.id))
      findings.push(makeFinding(schema, 'E_MISSING_COLUMN', { row: headerRow, field: col.id }));
  return { headerRow, columns, unknownColumns, findings };
}
