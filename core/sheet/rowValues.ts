/** Reading a data row's values by column id: a row holds them by position, in the order of its `fields`. */
import type { DataRow, Value } from '../types';

/** The value of column `field` in `row`; null when the sheet has no such column. */
export function valueOf(row: Pick<DataRow, 'fields' | 'values'>, field: string): Value {
  const i = row.fields.indexOf(field);
  return i < 0 ? null : (row.values[i] ?? null);
}

/** The row's values by column id: a fresh record, for display, JSON and tests (hot loops read by position). */
export function valuesByField(row: Pick<DataRow, 'fields' | 'values'>): Record<string, Value> {
  // Own data properties whatever the ids (an assignment loop would treat a "__proto__" id apart).
  return Object.fromEntries(row.fields.map((field, i) => [field, row.values[i] ?? null]));
}
