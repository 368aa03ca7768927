/** The one explicit list of checks: a schema `check` name must be a key here (loadSchema verifies it). */
import { above } from './above';
import { attendance } from './attendance';
import type { ColumnCheckDef, RowRuleDef } from './checkTypes';
import { equals } from './equals';
import { needsCases } from './needsCases';
import { notGreater } from './notGreater';
import { range } from './range';
import { zeroOnVillage } from './zeroOnVillage';

export type { BoundRowRule, CheckHit, ColumnCheckDef, RowHit, RowRuleDef } from './checkTypes';

/** Per-cell checks by name (schema `columns[].checks[].check`). */
export const columnChecks: Readonly<Record<string, ColumnCheckDef>> = {
  range,
  above,
  equals,
  zeroOnVillage,
};

/** Row rules by name (schema `rowRules[].check`). */
export const rowRules: Readonly<Record<string, RowRuleDef>> = {
  attendance,
  notGreater,
  needsCases,
};
