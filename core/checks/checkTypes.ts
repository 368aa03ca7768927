/** The shapes of a column check and of a row rule, as listed in core/checks/index.ts. */
import type { FindingCode, RowKind, Value } from '../types';

/** What a firing check reports: its code and the parameters its message needs. */
export interface CheckHit {
  code: FindingCode;
  params: Record<string, string | number>;
}

/** A per-cell check named by a column's `checks[].check` in the schema; `S` is its schema entry (declared by the check's valibot shape). */
export interface ColumnCheckDef<S> {
  name: string;
  /** Runs on a valid, non-blank value of a village or 本级 row. */
  run(value: Value, spec: S, kind: RowKind): CheckHit | null;
}

/** A hit of a row rule on one field of the row. */
export interface RowHit extends CheckHit {
  field: string;
}

/** A rule across the cells of one row, named by `rowRules[].check` in the schema; `R` is its schema entry. */
export interface RowRuleDef<R> {
  name: string;
  /** Codes the rule emits itself (not given by the schema entry), so the schema must define them. */
  fixedCodes: readonly FindingCode[];
  /** The field ids the rule reads, for the schema validation. */
  fields(rule: R): string[];
  /**
   * Binds the rule to one sheet, once: `at(field)` is the index of the field in the row's number
   * vector (-1 when the sheet lacks the column). The bound check reads that vector, where a blank
   * count is 0 and an invalid or non-numeric cell is NaN, so a rule never fires on an invalid value.
   * Null when a field is absent (the rule cannot apply).
   */
  bind(
    rule: R,
    at: (field: string) => number,
    header: (field: string) => string,
  ): BoundRowRule | null;
}

/** A row rule bound to a sheet's columns: runs on one row's number vector. */
export type BoundRowRule = (numbers: Float64Array) => readonly RowHit[];

/** The shared "no hits" result of a row rule (row rules run on every row: no allocation when nothing fires). */
export const NO_HITS: readonly RowHit[] = Object.freeze([]);
