/** Reading a data row's values by column id: a row holds them by position, in the order of its `fields`. */
import type { DataRow, Value } from '../types';

/** The value of column `field` in `row`; null when the sheet has no such column. */
export function valueOf(row: Pick<DataRow, 'fields' | 'values'>, field: string): Value {
  const i = row.fields.indexOf(field);
  return i < 0 ? null : (row.values[i] ?? null);
}

/**
 * A reader of the positions of the columns `ids` in a row's values (-1 where the row has no such
 * column), for loops over rows: the rows of one sheet share one `fields` array, so the positions
 * are found again only when a row's `fields` is another array than the last one asked (rows of
 * several sheets, in other column orders).
 */
export function fieldPositions(
  ids: readonly string[],
): (fields: readonly string[]) => readonly number[] {
  let last: readonly string[] | null = null;
  let at: number[] = [];
  return (fields) => {
    if (fields !== last) {
      last = fields;
      at = ids.map((id) => fields.indexOf(id));
    }
    return at;
  };
}

/** The row's values by column id: a fresh record, for display, JSON and tests (hot loops read by position). */
export function valuesByField(row: Pick<DataRow, 'fields' | 'values'>): Record<string, Value> {
  // Own data properties whatever the ids (an assignment loop would treat a "__proto__" id apart).
  return Object.fromEntries(row.fields.map((field, i) => [field, row.values[i] ?? null]));
}
