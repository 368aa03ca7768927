/** Reading a data row's values by column id: a row holds them by position, in the order of its `fields`. */
import type { DataRow, Value } from '../types';

/** The value of column `field` in `row`; null when the sheet has no such column. */
export function valueOf(row: Pick<DataRow, 'fields' | 'values'>, field: string): Value {
  const i = row.fields.indexOf(field);
  return i < 0 ? null : (row.values[i] ?? null);
}

/**
 * The positions of the columns `ids` in the values of rows with these `fields` (-1 where there is
 * no such column). Rows of one sheet share one `fields` array: loops over rows take the positions
 * once and take them again only where a row's `fields` is another array (rows of several sheets).
 */
export function positionsOf(fields: readonly string[], ids: readonly string[]): number[] {
  return ids.map((id) => fields.indexOf(id));
}

/** The row's values by column id: a fresh record, for display, JSON and tests (hot loops read by position). */
export function valuesByField(row: Pick<DataRow, 'fields' | 'values'>): Record<string, Value> {
  // Own data properties whatever the ids (an assignment loop would treat a "__proto__" id apart).
  return Object.fromEntries(row.fields.map((field, i) => [field, row.values[i] ?? null]));
}
