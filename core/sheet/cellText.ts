/** Small helpers for reading raw grid cells. */
import type { Cell, Grid } from '../types';

/** The cell at 0-based (r, c), or undefined past a ragged row's end. */
export function cellAt(grid: Grid, r: number, c: number): Cell | undefined {
  return grid[r]?.[c];
}

/** A cell as written, as a string ("" for blank). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'string' ? cell : String(cell);
}
