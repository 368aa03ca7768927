/** E_DUPLICATE_VILLAGE: one row per village, compared after normalization. */
import { makeFinding } from '../findings/makeFinding';
import type { DataRow, Finding, Schema } from '../types';

/** FNV-1a over the code units: a well-spread 32-bit hash of a name. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * A finding for every village row whose normalized name repeats an earlier row (pointing at the
 * first row of that name).
 *
 * The names are put in an open-addressing table of row indexes (an Int32Array, linear probing),
 * not a Set: every name of a sheet is new to the engine, and a Set insertion (hashing, growing,
 * rehashing) was a twentieth of the core's time on 10,000 rows; the table is sized once and
 * compares strings only when their slots meet.
 */
export function checkDuplicateVillages(
  villages: readonly DataRow[],
  column: number,
  written: (row: number) => string | null,
  schema: Schema,
): Finding[] {
  const findings: Finding[] = [];
  // The rows of a sheet share their fields: the village's position is found once.
  const at = villages[0]?.fields.indexOf('village') ?? -1;
  if (at < 0) return findings;
  const n = villages.length;
  // A power of two at least twice the rows: probes stay short.
  const mask = (1 << (32 - Math.clz32(2 * n))) - 1;
  const slots = new Int32Array(mask + 1); // row index + 1; 0 = empty
  const names = new Array<string | null>(n).fill(null);
  // Index loops: for…of made an iterator result per village here.
  for (let i = 0; i < n; i++) {
    const v = villages[i]!;
    const name = v.values[at];
    if (typeof name !== 'string') continue;
    names[i] = name;
    let k = hashName(name) & mask;
    let first = -1;
    for (let slot = slots[k]!; slot !== 0; slot = slots[k]!) {
      if (names[slot - 1] === name) {
        first = slot - 1;
        break;
      }
      k = (k + 1) & mask;
    }
    if (first < 0) {
      slots[k] = i + 1;
      continue;
    }
    findings.push(
      makeFinding(schema, 'E_DUPLICATE_VILLAGE', {
        row: v.row,
        column,
        field: 'village',
        value: written(v.row) ?? name,
        params: { otherRow: villages[first]!.row },
      }),
    );
  }
  return findings;
}
