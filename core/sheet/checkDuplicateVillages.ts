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
 * The village names met so far, each with the first row that holds it: an open-addressing table of
 * entry numbers (an Int32Array, linear probing), not a Set or Map. Every name of a sheet is new to
 * the engine, and a Set insertion (hashing, growing, rehashing) was a twentieth of the core's time
 * on 10,000 rows; the table is sized for the rows to come and compares strings only where their
 * slots meet. readDataRows adds each name as its row is read, while the string is still at hand.
 */
export class VillageNames {
  private slots: Int32Array;
  private readonly names: string[] = [];
  private readonly rows: number[] = [];

  /** A table for about `expected` names (it grows past them). */
  constructor(expected: number) {
    this.slots = new Int32Array(VillageNames.sizeFor(expected));
  }

  /** A power of two at least twice `count`: probes stay short. */
  private static sizeFor(count: number): number {
    return 1 << (32 - Math.clz32(Math.max(2 * count, 8) - 1));
  }

  /** Adds `name`, first met on row `row`; returns the first row of an earlier same name (leaving that one in place), else 0. */
  add(name: string, row: number): number {
    let slots = this.slots;
    let mask = slots.length - 1;
    let k = hashName(name) & mask;
    for (let slot = slots[k]!; slot !== 0; slot = slots[k]!) {
      if (this.names[slot - 1] === name) return this.rows[slot - 1]!;
      k = (k + 1) & mask;
    }
    const entry = this.names.length;
    this.names.push(name);
    this.rows.push(row);
    slots[k] = entry + 1;
    if (2 * this.names.length > slots.length) {
      // Twice the size, every entry placed again (entries are never removed).
      slots = this.slots = new Int32Array(2 * slots.length);
      mask = slots.length - 1;
      for (let e = 0; e < this.names.length; e++) {
        let at = hashName(this.names[e]!) & mask;
        while (slots[at] !== 0) at = (at + 1) & mask;
        slots[at] = e + 1;
      }
    }
    return 0;
  }
}

/** The E_DUPLICATE_VILLAGE finding of row `row`, whose name `value` (as written) the earlier row `otherRow` holds. */
export function duplicateVillage(
  schema: Schema,
  row: number,
  column: number,
  value: string | null,
  otherRow: number,
): Finding {
  return makeFinding(schema, 'E_DUPLICATE_VILLAGE', {
    row,
    column,
    field: 'village',
    value,
    params: { otherRow },
  });
}

/** A finding for every village row whose normalized name repeats an earlier row (pointing at the first row of that name). */
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
  const names = new VillageNames(villages.length);
  // Index loops: for…of made an iterator result per village here.
  for (let i = 0; i < villages.length; i++) {
    const v = villages[i]!;
    const name = v.values[at];
    if (typeof name !== 'string') continue;
    const first = names.add(name, v.row);
    if (first > 0)
      findings.push(duplicateVillage(schema, v.row, column, written(v.row) ?? name, first));
  }
  return findings;
}
