/** Reads the rows under the header: village rows, the 本级 row, 合计 rows, with their per-row and cross-row findings. */
import { columnLetters } from '../a1';
import { bindRowRule } from '../checks';
import { makeFinding } from '../findings/makeFinding';
import type { CompiledSchema } from '../schema/compileSchema';
import type {
  Cell,
  ColumnMapping,
  DataRow,
  Finding,
  Grid,
  RowKind,
  SheetInfo,
  Value,
} from '../types';
import { normalizeHeader } from '../normalize/normalizeText';
import { typedString } from '../normalize/stringAccess';
import { isBlankCell } from '../normalize/parseCell';
import { checkDuplicateVillages, duplicateVillage, VillageNames } from './checkDuplicateVillages';
import { addRow, checkTotals, RowSums, totalsAgree } from './checkTotals';
import { classifyRow, isFooterRow, isTextOnlyRow } from './classifyRow';
import type { BoundColumn, RowContext } from './readRow';
import { readRow, shownValue } from './readRow';
import { NormalizedCells } from './normalizedCells';

/** What the data area holds. */
export interface DataRowsResult {
  villages: DataRow[];
  levelRow: DataRow | null;
  totalRow: DataRow | null;
  findings: Finding[];
  /** The silently normalized cells (made into objects on demand: the batch pipeline never asks); null when there are no rows. */
  normalized: NormalizedCells | null;
  /** The village cell of a row as a finding shows it. */
  villageWritten: (row: number) => string | null;
  /** Hidden rows left out because the sheet's 合计 leaves them out (1-based). */
  excludedRows: number[];
}

/** Where the data starts and what the reader knows about the sheet. */
export interface DataRowsOptions {
  /** 1-based first data row (after a units row); default headerRow + 1. */
  dataStart?: number | null;
  sheet?: SheetInfo | null;
}

/** The (fresh, empty) data of a sheet without a header row. */
export function noDataRows(): DataRowsResult {
  return {
    villages: [],
    levelRow: null,
    totalRow: null,
    findings: [],
    normalized: null,
    villageWritten: () => null,
    excludedRows: [],
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
    if (kind === 'level' || kind === 'total' || kind === 'subtotal' || !isTextOnlyRow(cells)) break;
    if (isFooterRow(cells, cs)) start = r;
  }
  return start;
}

/** Valid 1-based row or column numbers of a SheetInfo list (out-of-range and odd entries ignored). */
function numberSet(list: readonly number[] | undefined): Set<number> | null {
  if (!list || list.length === 0) return null;
  const set = new Set(list.filter((n) => Number.isInteger(n) && n >= 1));
  return set.size > 0 ? set : null;
}

type Merge = NonNullable<SheetInfo['merges']>[number];

const validMerge = (m: Merge): boolean =>
  Number.isInteger(m.top) &&
  Number.isInteger(m.left) &&
  Number.isInteger(m.bottom) &&
  Number.isInteger(m.right) &&
  m.top >= 1 &&
  m.left >= 1 &&
  m.bottom >= m.top &&
  m.right >= m.left;

/** True when normalized `t` ends with a 片区 word (东片区, 二片). */
function isAreaLabel(t: string, cs: CompiledSchema): boolean {
  return cs.areaWords.some((w) => t.length >= w.length && t.endsWith(w));
}

/** Quick pre-test on a village cell's last visible character (cached per character), so most names skip normalization: can it end a 片区 word? */
function mayEndArea(text: string, cs: CompiledSchema): boolean {
  const name = typedString(text);
  let i = name.length - 1;
  while (
    i >= 0 &&
    (name.charCodeAt(i) <= 32 || name.charCodeAt(i) === 0x3000 || name.charCodeAt(i) === 0xa0)
  )
    i--;
  if (i < 0) return false;
  const code = name.charCodeAt(i);
  let ok = cs.areaTail.get(code);
  if (ok === undefined) {
    const tail = normalizeHeader(String.fromCharCode(code));
    ok = tail !== '' && cs.areaWords.some((w) => w.endsWith(tail));
    cs.areaTail.set(code, ok);
  }
  return ok;
}

/**
 * A 片区 label row: text only (no number), no footer, every non-blank cell in the first columns (up to
 * the village and 序号 columns), and the label ends with a 片区 word or is a merged cell over several
 * cells. Such a row names a block of villages; it is not a village and gives no finding.
 */
function isLabelRow(
  cells: readonly Cell[],
  row: number,
  lastLabelIndex: number,
  mergeStarts: ReadonlySet<number> | null,
  cs: CompiledSchema,
): boolean {
  let label: { text: string; c: number } | null = null;
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (isBlankCell(cell)) continue;
    if (c > lastLabelIndex || typeof cell !== 'string' || label !== null) return false;
    label = { text: cell, c };
  }
  if (label === null || !isTextOnlyRow(cells) || isFooterRow(cells, cs)) return false;
  if (isAreaLabel(normalizeHeader(label.text), cs)) return true;
  return mergeStarts !== null && mergeStarts.has(row * 16384 + label.c);
}

/** Reads every row from the first data row (after the header and its units row) up to a footer (注：…, 填表人：…; see footerStart). Rows are read once; cross-row checks run on the parsed rows. */
export function readDataRows(
  grid: Grid,
  headerRow: number,
  mapping: readonly ColumnMapping[],
  cs: CompiledSchema,
  options: DataRowsOptions = {},
): DataRowsResult {
  const { schema } = cs;
  const sheet = options.sheet ?? null;
  const firstRow = Math.max(options.dataStart ?? headerRow + 1, headerRow + 1);
  const columns: BoundColumn[] = [];
  // Left to right, as ParsedSheet.columns lists them: a row's values are by position in this order.
  const sorted = [...mapping].sort((a, b) => a.column - b.column);
  for (const m of sorted) {
    const spec = cs.columnsById.get(m.field);
    if (!spec) continue;
    // A literal of one shape (a spread of the mapping made each bound column slowly, per sheet).
    columns.push({
      field: m.field,
      column: m.column,
      header: m.header,
      spec,
      parser: cs.parserOf(spec),
      checks: cs.columnChecks.get(spec.id) ?? [],
      index: m.column - 1,
      letters: columnLetters(m.column),
      sum: spec.sum === true,
      cadre: spec.group === 'cadre',
      required: spec.required === true,
    });
  }
  // Plain loops: this setup runs once per sheet, and a batch is thousands of small sheets.
  const fields: string[] = [];
  const at = new Map<string, number>();
  const sumIndexes: number[] = [];
  // Pushed, not columns.map(() => null): map() gives a packed array from the engine's builtin but a
  // holey one once the optimizing compiler inlines it, and every row's values (copied from this)
  // then changed kind mid-batch, throwing away the compiled code of the row reader.
  const blankValues: Value[] = [];
  for (let j = 0; j < columns.length; j++) {
    const c = columns[j]!;
    blankValues.push(null);
    fields.push(c.field);
    at.set(c.field, j);
    if (c.sum) sumIndexes.push(j);
  }
  const rules = schema.rowRules.flatMap((rule) => {
    const bound = bindRowRule(rule, (f) => at.get(f) ?? -1, cs.header);
    return bound ? [bound] : [];
  });
  const ctx: RowContext = {
    cs,
    columns,
    at,
    rules,
    fields: Object.freeze(fields),
    blankValues,
    scratch: new Float64Array(columns.length),
    findings: [],
    normalized: new NormalizedCells(columns),
  };
  const village = columns.find((c) => c.field === 'village');
  const villageColumn = village?.column ?? 0;
  const seqColumn = columns[at.get('seq') ?? -1]?.column ?? 0;
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
    excludedRows: [],
  };
  const hidden = numberSet(sheet?.hiddenRows);
  const typed = sheet?.typed === true;
  const merges = (sheet?.merges ?? []).filter(validMerge);
  // Merged cells in the village column over several data rows: one finding, the covered rows skipped.
  const mergedOver = new Set<number>();
  if (villageColumn > 0)
    for (const m of merges) {
      if (m.left > villageColumn || m.right < villageColumn || m.top < firstRow) continue;
      const bottom = Math.min(m.bottom, grid.length);
      if (bottom <= m.top || m.top > grid.length) continue;
      for (let r = m.top + 1; r <= bottom; r++) mergedOver.add(r);
      ctx.findings.push(
        makeFinding(schema, 'E_VILLAGE_MERGED', {
          row: m.top,
          column: villageColumn,
          field: 'village',
          value: out.villageWritten(m.top),
          params: { from: m.top, to: bottom },
        }),
      );
    }
  const mergeStarts =
    merges.length > 0
      ? new Set(
          merges
            .filter((m) => m.bottom > m.top || m.right > m.left)
            .map((m) => m.top * 16384 + (m.left - 1)),
        )
      : null;
  const lastLabelIndex = Math.max(villageColumn, seqColumn) - 1;
  // With merges, a text cell left of the village column merged down over several rows (东片 over its
  // villages, often in the 序号 column) is a 片区 label: those cells are read as blank.
  const labelCells = new Map<number, number[]>();
  for (const m of merges) {
    if (m.bottom <= m.top || m.left >= villageColumn || m.top < firstRow) continue;
    const top = grid[m.top - 1]?.[m.left - 1];
    if (typeof top !== 'string' || isBlankCell(top) || !isTextOnlyRow([top])) continue;
    for (let r = m.top; r <= Math.min(m.bottom, grid.length); r++)
      labelCells.set(r, [...(labelCells.get(r) ?? []), m.left - 1]);
  }
  const totalSums = new RowSums(columns.length);
  let blockSums = new RowSums(columns.length);
  const targets: RowSums[] = [totalSums, blockSums];
  const textOf = typed
    ? (cells: readonly Cell[]) => (j: number) => typeof cells[columns[j]!.column - 1] === 'string'
    : null;
  const totals: { row: DataRow; cells: readonly Cell[] }[] = [];
  const subtotals: { row: DataRow; cells: readonly Cell[]; sums: RowSums }[] = [];
  const hiddenData: DataRow[] = [];
  const footerAt = footerStart(grid, firstRow - 1, villageColumn - 1, seqColumn - 1, cs);
  // Repeated village names, found as rows are read (the name is at hand): row, first row, name.
  const villageAt = at.get('village') ?? -1;
  const names = villageAt >= 0 ? new VillageNames(footerAt - firstRow + 1) : null;
  const repeats: { row: number; first: number; name: string }[] = [];
  for (let r = firstRow - 1; r < footerAt; r++) {
    let cells = grid[r] ?? [];
    const labels = labelCells.size > 0 ? labelCells.get(r + 1) : undefined;
    if (labels) {
      const copy = [...cells];
      for (const c of labels) copy[c] = null;
      cells = copy;
    }
    const row = r + 1;
    const cls = classifyRow(cells, villageColumn - 1, seqColumn - 1, cs);
    if (cls.kind === 'blank') continue;
    // A footer after the 合计 row ends the table (rows below the last data row are found by footerStart).
    if (totals.length > 0 && cls.kind !== 'total' && isFooterRow(cells, cs)) break;
    if (cls.kind === 'villageBlank') {
      // Without a village column (E_MISSING_COLUMN already) rows cannot be told apart: no data rows.
      if (
        villageColumn > 0 &&
        !mergedOver.has(row) &&
        !isLabelRow(cells, row, lastLabelIndex, mergeStarts, cs)
      )
        ctx.findings.push(
          makeFinding(schema, 'E_VILLAGE_BLANK', { row, column: villageColumn, field: 'village' }),
        );
      continue;
    }
    if (cls.kind === 'village') {
      // A 片区 label in the village column (东片区 alone on its row) is not a village.
      const name = cells[villageColumn - 1];
      if (
        typeof name === 'string' &&
        mayEndArea(name, cs) &&
        isLabelRow(cells, row, lastLabelIndex, mergeStarts, cs)
      )
        continue;
    }
    const subtotal = cls.kind === 'subtotal';
    const kind: RowKind = subtotal ? 'total' : cls.kind;
    const dataRow = readRow(cells, row, kind, ctx);
    // Village rows and the first 本级 row make the sums a 合计 or 小计 row must match (what =SUM() over the block gives).
    if (kind === 'village' || (kind === 'level' && out.levelRow === null)) {
      const isHidden = hidden !== null && hidden.has(row);
      if (isHidden) hiddenData.push(dataRow);
      addRow(targets, row, ctx.scratch, sumIndexes, isHidden, textOf && textOf(cells), columns);
    }
    if (kind === 'village') {
      out.villages.push(dataRow);
      const name = dataRow.values[villageAt];
      if (names !== null && typeof name === 'string') {
        const first = names.add(name, row);
        if (first > 0) repeats.push({ row, first, name });
      }
    } else if (kind === 'level') {
      if (out.levelRow === null) out.levelRow = dataRow;
      else
        ctx.findings.push(
          makeFinding(schema, 'E_MULTIPLE_LEVEL_ROWS', {
            row,
            column: cls.column,
            params: { otherRow: out.levelRow.row },
          }),
        );
    } else if (subtotal) {
      subtotals.push({ row: dataRow, cells, sums: blockSums });
      blockSums = new RowSums(columns.length);
      targets[1] = blockSums;
    } else {
      out.totalRow ??= dataRow;
      totals.push({ row: dataRow, cells });
    }
  }
  // Hidden rows: left out when the sheet's own 合计 matches the rows without them (and not with them).
  const first = totals[0];
  const exclude =
    hiddenData.length > 0 &&
    first !== undefined &&
    totalsAgree(first.row, totalSums, columns, true, typed) &&
    !totalsAgree(first.row, totalSums, columns, false, typed);
  const excluded = new Set(exclude ? hiddenData.map((d) => d.row) : []);
  for (const d of hiddenData)
    ctx.findings.push(
      makeFinding(schema, exclude ? 'W_HIDDEN_ROW_EXCLUDED' : 'W_HIDDEN_ROW_COUNTED', {
        row: d.row,
        column: villageColumn > 0 ? villageColumn : null,
        field: villageColumn > 0 ? 'village' : null,
        value: out.villageWritten(d.row),
      }),
    );
  if (exclude) {
    out.excludedRows = [...excluded];
    out.villages = out.villages.filter((v) => !excluded.has(v.row));
    if (out.levelRow && excluded.has(out.levelRow.row)) out.levelRow = null;
    // The excluded rows are not data: their cell findings and normalizations go too.
    const keep = (f: { row: number | null; code?: string }): boolean =>
      f.row === null || !excluded.has(f.row) || f.code === 'W_HIDDEN_ROW_EXCLUDED';
    out.findings = ctx.findings.filter(keep);
    ctx.normalized.exclude(excluded);
  }
  const totalOptions = { subtotal: false, excluded, typed };
  if (villageColumn > 0)
    out.findings.push(
      // Without excluded rows, the repeats found while reading; else those among the rows kept.
      ...(exclude
        ? checkDuplicateVillages(out.villages, villageColumn, out.villageWritten, schema)
        : repeats.map((r) =>
            duplicateVillage(
              schema,
              r.row,
              villageColumn,
              out.villageWritten(r.row) ?? r.name,
              r.first,
            ),
          )),
    );
  for (const t of totals)
    out.findings.push(...checkTotals(t.row, t.cells, totalSums, columns, schema, totalOptions));
  // A first 小计 with no rows above it heads its block (小计 above the villages): each 小计 then covers
  // the rows up to the next 小计 (the last one, the rows after it).
  const above = subtotals.length > 0 && subtotals[0]!.sums.first === 0;
  subtotals.forEach((t, i) => {
    const sums = above ? (subtotals[i + 1]?.sums ?? blockSums) : t.sums;
    if (sums.first > 0)
      out.findings.push(
        ...checkTotals(t.row, t.cells, sums, columns, schema, { ...totalOptions, subtotal: true }),
      );
  });
  return out;
}
