/** The one explicit list of checks: a schema `check` name must be a key here (the schema shape allows only these). */
import type * as v from 'valibot';
import { byCheck } from '../schema/shapeParts';
import { above, aboveShape } from './above';
import { attendance, attendanceShape } from './attendance';
import type { BoundRowRule, ColumnCheckDef, RowRuleDef } from './checkTypes';
import { equals, equalsShape } from './equals';
import { needsCases, needsCasesShape } from './needsCases';
import { notGreater, notGreaterShape } from './notGreater';
import { range, rangeShape } from './range';
import { zeroOnVillage, zeroOnVillageShape } from './zeroOnVillage';

export type { BoundRowRule, CheckHit, ColumnCheckDef, RowHit, RowRuleDef } from './checkTypes';

/** A column's `checks[]` entry: one member per check. */
export const columnCheckShape = byCheck(
  ['range', 'above', 'equals', 'zeroOnVillage'],
  [rangeShape, aboveShape, equalsShape, zeroOnVillageShape],
);
/** A `rowRules[]` entry: one member per rule. */
export const rowRuleShape = byCheck(
  ['attendance', 'notGreater', 'needsCases'],
  [attendanceShape, notGreaterShape, needsCasesShape],
);

export type ColumnCheck = v.InferOutput<typeof columnCheckShape>;
export type RowRule = v.InferOutput<typeof rowRuleShape>;

/** Per-cell checks by name (schema `columns[].checks[].check`). */
export const columnChecks: {
  [K in ColumnCheck['check']]: ColumnCheckDef<Extract<ColumnCheck, { check: K }>>;
} = {
  range,
  above,
  equals,
  zeroOnVillage,
};

/** Row rules by name (schema `rowRules[].check`). */
export const rowRules: { [K in RowRule['check']]: RowRuleDef<Extract<RowRule, { check: K }>> } = {
  attendance,
  notGreater,
  needsCases,
};

/** The definition of a column check entry (the registry typed by the entry's own kind). */
export const columnCheckOf = (spec: ColumnCheck): ColumnCheckDef<ColumnCheck> =>
  columnChecks[spec.check];

/** The definition of a row rule entry. */
export const rowRuleOf = (rule: RowRule): RowRuleDef<RowRule> => rowRules[rule.check];

/** Binds a row rule to a sheet (see RowRuleDef.bind). */
export const bindRowRule = (
  rule: RowRule,
  at: (field: string) => number,
  header: (field: string) => string,
): BoundRowRule | null => rowRuleOf(rule).bind(rule, at, header);
