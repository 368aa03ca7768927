/** Spreadsheet addresses. */

// Column letters are asked for once per finding and per normalized cell: computed once per column.
const letters: string[] = [];

/** The letters of a 1-based column: 1 → "A", 27 → "AA". */
export function columnLetters(column: number): string {
  const hit = letters[column];
  if (hit !== undefined) return hit;
  let out = '';
  let n = column;
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  if (column < 1024) letters[column] = out;
  return out;
}

/** The A1 address of a 1-based row and column: (7, 13) → "M7", (12, 27) → "AA12". */
export function toA1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}
