/** The silently normalized cells of a sheet, kept compact while rows are read and made into Normalization objects only when asked for. */
import type { Cell, Normalization } from '../types';
import { cellText } from './cellText';
import type { BoundColumn } from './readRow';

/** Slots per chunk: three per cell (position, cell, canonical text). */
const CHUNK = 3 * 256;

/** No chunk yet: the first add makes one (a sheet without normalized cells allocates none). */
const NO_CHUNK: (number | Cell | undefined)[] = [];

/**
 * Normalized cells as entries of three slots (row × columns + bound column index, cell as written,
 * canonical text): a sheet has some for most rows, the batch pipeline never reads them (the add-in
 * does, for one sheet), and an object and an A1 string each, all surviving into the result, were a
 * sixth of the core's time. `list` builds the Normalization objects, in the order the cells were
 * added. It holds the cells and the bound columns only, not the grid (a ParsedSheet keeps it).
 */
export class NormalizedCells {
  /**
   * The entries in chunks of CHUNK slots, the last one being filled: one growing array became a
   * large old-space object early, and every store into it paid the write barrier (a tenth of the
   * core's time); a short young array takes its three stores as plain writes.
   */
  private readonly chunks: (number | Cell | undefined)[][] = [];
  private chunk = NO_CHUNK;
  /** Slots used in `chunk`; CHUNK when it is full, or before the first chunk. */
  private fill = CHUNK;
  /** Rows left out of the list (hidden rows the sheet's 合计 excludes). */
  private excluded: ReadonlySet<number> | null = null;

  constructor(private readonly columns: readonly BoundColumn[]) {}

  /** Adds cell `cell` of row `row` (1-based), bound column `j`, with its canonical text. */
  add(row: number, j: number, cell: Cell | undefined, suggestion: string): void {
    if (this.fill === CHUNK) {
      // Filled with undefined at once: an array that starts with small integers only changes its
      // kind when the first cell is stored, and code compiled before that change is thrown away.
      this.chunk = new Array<number | Cell | undefined>(CHUNK).fill(undefined);
      this.chunks.push(this.chunk);
      this.fill = 0;
    }
    // Index stores (a push with several arguments was not inlined); row and column in one number.
    const e = this.chunk;
    const n = this.fill;
    e[n] = row * this.columns.length + j;
    e[n + 1] = cell;
    e[n + 2] = suggestion;
    this.fill = n + 3;
  }

  /** Leaves the cells of `rows` out of the list. */
  exclude(rows: ReadonlySet<number>): void {
    this.excluded = rows;
  }

  /** The Normalization objects, in the order added. */
  list(): Normalization[] {
    const out: Normalization[] = [];
    const { chunks, excluded, columns } = this;
    const width = columns.length;
    for (let k = 0; k < chunks.length; k++) {
      const e = chunks[k]!;
      const end = k === chunks.length - 1 ? this.fill : CHUNK;
      for (let i = 0; i < end; i += 3) {
        const at = e[i] as number;
        const row = Math.floor(at / width);
        if (excluded !== null && excluded.has(row)) continue;
        const col = columns[at - row * width]!;
        out.push({
          row,
          column: col.column,
          cell: col.letters + String(row),
          field: col.field,
          value: cellText(e[i + 1]),
          suggestion: e[i + 2] as string,
        });
      }
    }
    return out;
  }
}
