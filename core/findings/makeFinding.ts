/** Builds finding objects with the severity the schema gives their code. */
import { toA1 } from '../a1';
import type { Finding, FindingCode, Schema, Severity } from '../types';

/** The params of a finding that has none: one frozen object shared (a finding per cell made one each). */
export const NO_PARAMS: Record<string, string | number> = Object.freeze({});

/** The severity the schema gives `code`. Throws on an unknown code: that is a bug. */
function severityOf(schema: Schema, code: FindingCode): Severity {
  const spec = schema.findings[code];
  if (!spec) throw new Error(`makeFinding: unknown finding code ${code}`);
  return spec.severity;
}

/** The optional parts of a finding; absent positions and values are null, absent params {}. */
export type FindingParts = Partial<Omit<Finding, 'code' | 'severity'>>;

/** A finding of `code` (severity from the schema; `cell` derived from row and column when not given). Throws on an unknown code: that is a bug. */
export function makeFinding(schema: Schema, code: FindingCode, parts: FindingParts = {}): Finding {
  const row = parts.row ?? null;
  const column = parts.column ?? null;
  return {
    code,
    severity: severityOf(schema, code),
    row,
    column,
    cell:
      parts.cell !== undefined
        ? parts.cell
        : row !== null && column !== null
          ? toA1(row, column)
          : null,
    field: parts.field ?? null,
    value: parts.value ?? null,
    suggestion: parts.suggestion ?? null,
    params: parts.params ?? NO_PARAMS,
  };
}

/**
 * The finding of `code` at a cell of row `row` (its A1 address derived when `column` is known):
 * makeFinding's object, from positional arguments. For the per-cell paths (readRow, checkTotals),
 * where a parts object per finding, read back through megamorphic loads, was a visible cost.
 */
export function cellFinding(
  schema: Schema,
  code: FindingCode,
  row: number,
  column: number | null,
  field: string | null,
  value: string | null,
  suggestion: string | null,
  params: Record<string, string | number>,
): Finding {
  return {
    code,
    severity: severityOf(schema, code),
    row,
    column,
    cell: column !== null ? toA1(row, column) : null,
    field,
    value,
    suggestion,
    params,
  };
}
