/** E_DUPLICATE_VILLAGE: one row per village, compared after normalization. */
import { makeFinding } from '../findings/makeFinding';
import { typedString } from '../normalize/stringAccess';
import { fieldPositions } from './rowValues';
import type { DataRow, Finding, Schema } from '../types';

/** FNV-1a over the code units: a well-spread 32-bit hash of a name. */
function hashName(text: string): number {
  const name = typedString(text);
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The village names met so far, each with the first row that holds it: an open-addressing table
 * (an Int32Array, linear probing), not a Set or Map. Every name of a sheet is new to the engine,
 * and a Set insertion (hashing, growing, rehashing) was a twentieth of the core's time on 10,000
 * rows. Each slot holds an entry number and the name's hash side by side, so a probe compares two
 * numbers in one place and reads an earlier name (a string somewhere else in memory) only when
 * the hashes agree. The table is sized for the rows to come; readDataRows adds each name as its
 * row is read, while the string is still at hand.
 */
export class VillageNames {
  /** Per slot: entry number + 1 (0 = empty), then the name's hash. */
  private slots: Int32Array;
  private readonly names: string[] = [];
  private readonly rows: number[] = [];

  /** A table for about `expected` names (it grows past them). */
  constructor(expected: number) {
    this.slots = new Int32Array(2 * VillageNames.sizeFor(expected));
  }

  /** A power of two at least twice `count`: probes stay short. */
  private static sizeFor(count: number): number {
    return 1 << (32 - Math.clz32(Math.max(2 * count, 8) - 1));
  }

  /** Adds `name`, first met on row `row`; returns the first row of an earlier same name (leaving that one in place), else 0. */
  add(name: string, row: number): number {
    const h = hashName(name) | 0;
    let slots = this.slots;
    let mask = (slots.length >> 1) - 1;
    let k = h & mask;
    for (let entry = slots[2 * k]!; entry !== 0; entry = slots[2 * k]!) {
      if (slots[2 * k + 1] === h && this.names[entry - 1] === name) return this.rows[entry - 1]!;
      k = (k + 1) & mask;
    }
    this.names.push(name);
    this.rows.push(row);
    slots[2 * k] = this.names.length;
    slots[2 * k + 1] = h;
    if (this.names.length > mask >> 1) {
      // Twice the size, every entry placed again by its kept hash (entries are never removed).
      const old = slots;
      slots = this.slots = new Int32Array(2 * old.length);
      mask = (slots.length >> 1) - 1;
      for (let s = 0; s < old.length; s += 2) {
        if (old[s] === 0) continue;
        let at = old[s + 1]! & mask;
        while (slots[2 * at] !== 0) at = (at + 1) & mask;
        slots[2 * at] = old[s]!;
        slots[2 * at + 1] = old[s + 1]!;
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
  const names = new VillageNames(villages.length);
  const villageAt = fieldPositions(['village']);
  // Index loops: for…of made an iterator result per village here.
  for (let i = 0; i < villages.length; i++) {
    const v = villages[i]!;
    const at = villageAt(v.fields)[0]!;
    const name = at < 0 ? undefined : v.values[at];
    if (typeof name !== 'string') continue;
    const first = names.add(name, v.row);
    if (first > 0)
      findings.push(duplicateVillage(schema, v.row, column, written(v.row) ?? name, first));
  }
  return findings;
}
