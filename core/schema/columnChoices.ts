/** The values a coded column takes, one definition for the figures, the template's lists and the rows table. */
import type { ColumnSpec, Schema } from '../types';

/** The choices of `column`: the yes/no words' keys (是, 否) for a yes/no column, its values for an enum, none for other types. */
export function columnChoices(
  column: Pick<ColumnSpec, 'type' | 'enum'>,
  schema: Pick<Schema, 'yesno'>,
): string[] {
  if (column.type === 'yesno') return Object.keys(schema.yesno);
  return column.type === 'enum' ? (column.enum ?? []) : [];
}
