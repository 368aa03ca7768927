/** The merged data rows of all accepted sheets as one arquero table (columns built as arrays, one `table()` call). */
import * as aq from 'arquero';
import type { CompactSheet, FieldLayout } from '../../intake/compactSheet';

/** Column of the township name. */
export const TOWNSHIP_COLUMN = '_township';
/** Column flagging the 本级 row (1) against village rows (0). */
export const LEVEL_COLUMN = '_level';

/** Builds the rows table: township, level flag, every numeric column (money in cents) and every coded column as its canonical text. */
export function buildRowsTable(
  sheets: readonly CompactSheet[],
  layout: FieldLayout,
): aq.ColumnTable {
  let n = 0;
  for (const s of sheets) n += s.rowCount;
  const township = new Array<string>(n);
  const level = new Uint8Array(n);
  const numeric = layout.numeric.map(() => new Float64Array(n));
  const coded = layout.coded.map(() => new Array<string | null>(n));
  const nn = layout.numeric.length;
  const nc = layout.coded.length;
  let at = 0;
  for (const s of sheets) {
    for (let r = 0; r < s.rowCount; r++, at++) {
      township[at] = s.township;
      level[at] = s.isLevel[r]!;
      for (let i = 0; i < nn; i++) numeric[i]![at] = s.numbers[r * nn + i]!;
      for (let i = 0; i < nc; i++) {
        const code = s.codes[r * nc + i]!;
        coded[i]![at] = code === 0 ? null : layout.coded[i]!.choices[code - 1]!;
      }
    }
  }
  const columns: Record<string, ArrayLike<unknown>> = {
    [TOWNSHIP_COLUMN]: township,
    [LEVEL_COLUMN]: level,
  };
  layout.numeric.forEach((c, i) => (columns[c.id] = numeric[i]!));
  layout.coded.forEach((c, i) => (columns[c.column.id] = coded[i]!));
  return aq.table(columns);
}
