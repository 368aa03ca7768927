/** E_DUPLICATE_VILLAGE: one row per village, compared after normalization. */
import { makeFinding } from '../findings/makeFinding';
import type { DataRow, Finding, Schema } from '../types';
import { valueOf } from './rowValues';

/** The first row of every name among villages[0 … end). */
function firstRows(villages: readonly DataRow[], end: number): Map<string, number> {
  const first = new Map<string, number>();
  for (let i = 0; i < end; i++) {
    const v = villages[i]!;
    const name = valueOf(v, 'village');
    if (typeof name === 'string' && !first.has(name)) first.set(name, v.row);
  }
  return first;
}

/** A finding for every village row whose normalized name repeats an earlier row. */
export function checkDuplicateVillages(
  villages: readonly DataRow[],
  column: number,
  written: (row: number) => string | null,
  schema: Schema,
): Finding[] {
  // Names are nearly always all different: one Set insertion per name until the first repeat, and
  // only then the map of first rows (a get and a set per name was this check's cost).
  const seen = new Set<string>();
  let first: Map<string, number> | null = null;
  const findings: Finding[] = [];
  // The rows of a sheet share their fields: the village's position is found once.
  const at = villages[0]?.fields.indexOf('village') ?? -1;
  if (at < 0) return findings;
  // Index loops: for…of made an iterator result per village here.
  for (let i = 0; i < villages.length; i++) {
    const v = villages[i]!;
    const name = v.values[at];
    if (typeof name !== 'string') continue;
    if (first === null) {
      const size = seen.size;
      seen.add(name);
      if (seen.size > size) continue;
      first = firstRows(villages, i);
    }
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
