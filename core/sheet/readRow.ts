/** Parses one village, 本级 or 合计 row by the header mapping: typed values, cell findings, silent normalizations, column checks and row rules. */
import type { BoundRowRule } from '../checks';
import { cellFinding, NO_PARAMS } from '../findings/makeFinding';
import type { ColumnParser } from '../normalize/parseCell';
import { isBlankCell, parseWith, plainNumber, plainText } from '../normalize/parseCell';
import type { ColumnCheckWith, CompiledSchema } from '../schema/compileSchema';
import type { Cell, ColumnMapping, ColumnSpec, DataRow, Finding, RowKind, Value } from '../types';
import { cellText } from './cellText';
import type { NormalizedCells } from './normalizedCells';

/** A mapped column with its spec. */
export interface BoundColumn extends ColumnMapping {
  spec: ColumnSpec;
  /** The column's parser (compiled with the schema). */
  parser: ColumnParser;
  /** The column's checks with their definitions (compiled with the schema). */
  checks: readonly ColumnCheckWith[];
  /** 0-based column index into a row's cells. */
  index: number;
  /** The column's letters (A1 addresses are letters + row). */
  letters: string;
  /**
   * The spec's flags that every cell asks, as plain booleans of this one shape: the specs of the
   * schema's columns carry different sets of keys, and a property load over many shapes goes
   * through the engine's slow megamorphic path (a twentieth of the core's time, per cell).
   */
  sum: boolean;
  /** spec.group === 'cadre' (blank on a 本级 row). */
  cadre: boolean;
  required: boolean;
}

/** What rows are read against, built once per sheet (per-row Maps and closures were the bench's hot spot). */
export interface RowContext {
  cs: CompiledSchema;
  columns: readonly BoundColumn[];
  /** Field id → its position in `columns` (and in a row's values). */
  at: ReadonlyMap<string, number>;
  /** The schema's row rules bound to this sheet's columns (those whose fields are all present). */
  rules: readonly BoundRowRule[];
  /** The fields of `columns`, frozen: every row's `fields`. */
  fields: readonly string[];
  /** Every position null: copied per row (a row's values, filled where a cell has one). */
  blankValues: readonly Value[];
  /** Per bound column, the current row's number (NaN when invalid or not a number): what row rules and sums read. */
  scratch: Float64Array;
  /** Findings and normalizations are appended here (no per-row arrays to copy). */
  findings: Finding[];
  normalized: NormalizedCells;
}

/** The `invalid` list of the rows with none, shared (nearly every row): frozen, as nothing may add to it. */
const NO_FIELDS = Object.freeze([]) as unknown as string[];

/** The value a finding may show for a cell: as written, "[redacted]" for personal columns, null when blank. */
export function shownValue(
  cell: Cell | undefined,
  spec: ColumnSpec,
  redacted: string,
): string | null {
  if (isBlankCell(cell)) return null;
  return spec.personal === true ? redacted : cellText(cell);
}

/** Runs the sheet's bound row rules on the row's number vector (`ctx.scratch`). */
function runRowRules(cells: readonly Cell[], dataRow: DataRow, ctx: RowContext): void {
  const { cs, at, columns, rules } = ctx;
  // Index loops: for…of made an iterator per rule and row (a fifth of the bytes a row allocated).
  for (let r = 0; r < rules.length; r++) {
    const hits = rules[r]!(ctx.scratch);
    for (let h = 0; h < hits.length; h++) {
      const hit = hits[h]!;
      const j = at.get(hit.field);
      const bound = j === undefined ? undefined : columns[j];
      // As written (null when blank).
      const value =
        bound === undefined
          ? null
          : shownValue(cells[bound.index], bound.spec, cs.schema.ui.redacted);
      ctx.findings.push(
        cellFinding(
          cs.schema,
          hit.code,
          dataRow.row,
          bound?.column ?? null,
          hit.field,
          value,
          null,
          hit.params,
        ),
      );
    }
  }
}

/** Parses row `row` (1-based) of kind `kind`; the 合计 row reads summed columns only. */
export function readRow(
  cells: readonly Cell[],
  row: number,
  kind: RowKind,
  ctx: RowContext,
): DataRow {
  const { cs } = ctx;
  const { schema } = cs;
  const redacted = schema.ui.redacted;
  const values = ctx.blankValues.slice();
  let invalid: string[] | null = null;
  const { scratch, columns } = ctx;
  for (let j = 0; j < columns.length; j++) {
    const bound = columns[j]!;
    const { spec, column, field, checks } = bound;
    const cell = cells[bound.index];
    // scratch[j] is set on every path below (NaN where the cell gives no number).
    if (kind === 'total' && !bound.sum) {
      scratch[j] = NaN;
      continue;
    }
    if (kind === 'level' && bound.cadre) {
      // values[j] stays null (from blankValues).
      // A blank cadre cell adds 0 to the 合计 row's =SUM() (年报酬 is summed): NaN here skipped that check.
      if (isBlankCell(cell)) scratch[j] = 0;
      else {
        scratch[j] = NaN;
        ctx.findings.push(
          cellFinding(
            schema,
            'E_LEVEL_ROW_CADRE',
            row,
            column,
            field,
            shownValue(cell, spec, redacted),
            null,
            NO_PARAMS,
          ),
        );
      }
      continue;
    }
    // A blank cell outside the numbers (notes, an optional text): null, with nothing to check.
    if (
      (cell === null || cell === undefined) &&
      !bound.parser.numeric &&
      (kind !== 'village' || !bound.required)
    ) {
      scratch[j] = NaN;
      continue;
    }
    // Most cells are plain numbers: their value as is, with nothing to report and no result object.
    let value: Value = plainNumber(cell, bound.parser);
    if (value >= 0) {
      values[j] = value;
      scratch[j] = value;
    } else if ((value = plainText(cell, bound.parser)) !== null) {
      values[j] = value;
      scratch[j] = NaN;
    } else {
      const result = parseWith(cell, bound.parser, cs);
      value = result.value;
      if (value !== null) values[j] = value;
      scratch[j] =
        typeof value === 'number' && (result.code === null || result.code.charCodeAt(0) !== 69)
          ? value
          : NaN;
      if (result.code !== null) {
        const isError = result.code.charCodeAt(0) === 69; // 'E'
        ctx.findings.push(
          cellFinding(
            schema,
            result.code,
            row,
            column,
            field,
            shownValue(cell, spec, redacted),
            result.suggestion,
            result.params ?? NO_PARAMS,
          ),
        );
        if (isError) {
          (invalid ??= []).push(field);
          continue;
        }
      }
      if (result.normalized !== null) ctx.normalized.add(row, j, cell, result.normalized);
      if (kind === 'village' && result.blank && bound.required && field !== 'village') {
        ctx.findings.push(
          cellFinding(schema, 'E_REQUIRED', row, column, field, null, null, NO_PARAMS),
        );
        continue;
      }
    }
    if (kind === 'total' || value === null || checks.length === 0) continue;
    for (let c = 0; c < checks.length; c++) {
      const check = checks[c]!;
      const hit = check.def.run(value, check.spec, kind);
      if (!hit) continue;
      ctx.findings.push(
        // The value as written: null for a blank cell (a blank 年报酬 is 0 for W_NO_PAY, but was not written "0").
        cellFinding(
          schema,
          hit.code,
          row,
          column,
          field,
          shownValue(cell, spec, redacted),
          null,
          hit.params,
        ),
      );
      // After an error (年龄 85: E_AGE_RANGE) the value is unreliable: no further warning on it (W_AGE_HIGH), and no row rule reads it.
      if (hit.code.charCodeAt(0) === 69) {
        (invalid ??= []).push(field);
        scratch[j] = NaN;
        break;
      }
    }
  }
  const dataRow: DataRow = { row, kind, fields: ctx.fields, values, invalid: invalid ?? NO_FIELDS };
  if (kind !== 'total') runRowRules(cells, dataRow, ctx);
  return dataRow;
}
