/** Reads the rows under the header: village rows, the 本级 row, 合计 rows, with their per-row and cross-row findings. */
import { columnChecks, rowRules } from '../checks';
import { makeFinding } from '../findings/makeFinding';
import type { CompiledSchema } from '../schema/compileSchema';
import type { Cell, ColumnMapping, DataRow, Finding, Grid, Normalization } from '../types';
import { cellCache } from '../normalize/parseCell';
import { checkDuplicateVillages } from './checkDuplicateVillages';
import { checkTotals } from './checkTotals';
import { classifyRow, isFooterRow, isTextOnlyRow } from './classifyRow';
import type { BoundColumn, RowContext } from './readRow';
import { readRow, shownValue } from './readRow';

/** What the data area holds. */
export interface DataRowsResult {
  villages: DataRow[];
  levelRow: DataRow | null;
  totalRow: DataRow | null;
  findings: Finding[];
  normalized: Normalization[];
  /** The village cell of a row as a finding shows it. */
  villageWritten: (row: number) => string | null;
}

/** The (fresh, empty) data of a sheet without a header row. */
export function noDataRows(): DataRowsResult {
  return {
    villages: [],
    levelRow: null,
    totalRow: null,
    findings: [],
    normalized: [],
    villageWritten: () => null,
  };
}

/**
 * The 0-based row where the footer under the table begins (grid.length when none): the first footer
 * row (注：…, 审核人：…) below which every non-blank row is text only and neither 本级 nor 合计, i.e.
 * a footer row below the last data row. Scans up from the bottom and stops at the first data row.
 */
function footerStart(
  grid: Grid,
  headerRow: number,
  villageIndex: number,
  seqIndex: number,
  cs: CompiledSchema,
): number {
  let start = grid.length;
  for (let r = grid.length - 1; r >= headerRow; r--) {
    const cells = grid[r] ?? [];
    const kind = classifyRow(cells, villageIndex, seqIndex, cs).kind;
    if (kind === 'blank') continue;
    if (kind === 'level' || kind === 'total' || !isTextOnlyRow(cells)) break;
    if (isFooterRow(cells, cs)) start = r;
  }
  return start;
}

/** Reads every row after 1-based `headerRow` up to a footer (注：…, 填表人：…; see footerStart). Rows are read once; cross-row checks run on the parsed rows. */
export function readDataRows(
  grid: Grid,
  headerRow: number,
  mapping: readonly ColumnMapping[],
  cs: CompiledSchema,
): DataRowsResult {
  const { schema } = cs;
  const columns: BoundColumn[] = mapping.flatMap((m) => {
    const spec = cs.columnsById.get(m.field);
    if (!spec) return [];
    const checks = (spec.checks ?? []).flatMap((c) => {
      const def = columnChecks[c.check];
      return def ? [{ spec: c, def }] : [];
    });
    return [{ ...m, spec, cache: cellCache(spec), checks }];
  });
  const blankValues = Object.fromEntries(columns.map((c) => [c.field, null]));
  const where = new Map(columns.map((c) => [c.field, c.column]));
  const index = new Map(columns.map((c, j) => [c.field, j]));
  const rules = schema.rowRules.flatMap((rule) => {
    const bound = rowRules[rule.check]?.bind(rule, (f) => index.get(f) ?? -1, cs.header);
    return bound ? [bound] : [];
  });
  const ctx: RowContext = {
    cs,
    columns,
    where,
    rules,
    blankValues,
    scratch: new Float64Array(columns.length),
    findings: [],
    normalized: [],
  };
  const village = columns.find((c) => c.field === 'village');
  const villageColumn = village?.column ?? 0;
  const seqColumn = ctx.where.get('seq') ?? 0;
  const out: DataRowsResult = {
    villages: [],
    levelRow: null,
    totalRow: null,
    findings: ctx.findings,
    normalized: ctx.normalized,
    villageWritten: (row) =>
      village
        ? shownValue(grid[row - 1]?.[villageColumn - 1], village.spec, schema.ui.redacted)
        : null,
  };
  const sumIndexes = columns.flatMap((c, j) => (c.spec.sum === true ? [j] : []));
  const sums = new Float64Array(columns.length);
  const totals: { row: DataRow; cells: readonly Cell[] }[] = [];
  const footerAt = footerStart(grid, headerRow, villageColumn - 1, seqColumn - 1, cs);
  for (let r = headerRow; r < footerAt; r++) {
    const cells = grid[r] ?? [];
    const row = r + 1;
    const cls = classifyRow(cells, villageColumn - 1, seqColumn - 1, cs);
    if (cls.kind === 'blank') continue;
    // A footer after the 合计 row ends the table (rows below the last data row are found by footerStart).
    if (totals.length > 0 && cls.kind !== 'total' && isFooterRow(cells, cs)) break;
    if (cls.kind === 'villageBlank') {
      // Without a village column (E_MISSING_COLUMN already) rows cannot be told apart: no data rows.
      if (villageColumn > 0)
        ctx.findings.push(
          makeFinding(schema, 'E_VILLAGE_BLANK', { row, column: villageColumn, field: 'village' }),
        );
      continue;
    }
    const dataRow = readRow(cells, row, cls.kind, ctx);
    // Village rows and the first 本级 row make the sums a 合计 row must match (what =SUM() over the block gives).
    if (cls.kind === 'village' || (cls.kind === 'level' && out.levelRow === null))
      for (const j of sumIndexes) sums[j] = (sums[j] ?? 0) + (ctx.scratch[j] ?? NaN);
    if (cls.kind === 'village') {
      out.villages.push(dataRow);
    } else if (cls.kind === 'level') {
      if (out.levelRow === null) out.levelRow = dataRow;
      else
        ctx.findings.push(
          makeFinding(schema, 'E_MULTIPLE_LEVEL_ROWS', {
            row,
            column: cls.column,
            params: { otherRow: out.levelRow.row },
          }),
        );
    } else {
      out.totalRow ??= dataRow;
      totals.push({ row: dataRow, cells });
    }
  }
  if (villageColumn > 0)
    ctx.findings.push(
      ...checkDuplicateVillages(out.villages, villageColumn, out.villageWritten, schema),
    );
  for (const t of totals) ctx.findings.push(...checkTotals(t.row, t.cells, sums, columns, schema));
  return out;
}
