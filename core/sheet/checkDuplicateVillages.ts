/** E_DUPLICATE_VILLAGE: one row per village, compared after normalization. */
import { makeFinding } from '../findings/makeFinding';
import type { DataRow, Finding, Schema } from '../types';

/** A finding for every village row whose normalized name repeats an earlier row. */
export function checkDuplicateVillages(
  villages: readonly DataRow[],
  column: number,
  written: (row: number) => string | null,
  schema: Schema,
): Finding[] {
  const first = new Map<string, number>();
  const findings: Finding[] = [];
  // An index loop: for…of made an iterator result per village here.
  for (let i = 0; i < villages.length; i++) {
    const v = villages[i]!;
    const name = v.values.village;
    if (typeof name !== 'string') continue;
    const other = first.get(name);
    if (other === undefined) first.set(name, v.row);
    else
      findings.push(
        makeFinding(schema, 'E_DUPLICATE_VILLAGE', {
          row: v.row,
          column,
          field: 'village',
          value: written(v.row) ?? name,
          params: { otherRow: other },
        }),
      );
  }
  return findings;
}
