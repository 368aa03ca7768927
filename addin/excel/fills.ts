/** Cell fills: the two mark styles, reading fills back, and batched fill writes by column runs (no sync here). */
import schemaJson from '../../core/schema/entry-sheet.json';
import type { Severity } from '../../core/types';
import { coveringBox, formatA1, type CellPosition } from './address';

const { markFills } = schemaJson.ui;

/**
 * A fill as getCellProperties reports it; pattern "None" is "no fill", which is not white. Some
 * hosts give `pattern` null (office-js #6218, #4900): then only the colour is known.
 */
export interface Fill {
  color: string;
  pattern: string | null;
}

/**
 * The mark of each severity. Errors and warnings differ in pattern as well as colour (solid vs
 * diagonal stripes), so they stay distinct for colour-blind users and in grey-scale prints.
 */
export const MARK_FILLS: Record<Severity, { color: string; pattern: string }> = {
  // One source for the add-in and the 标注版 (schema ui.markFills); the stripes' patternColor is the
  // copy's only: the add-in leaves it automatic, so its records need not restore it.
  error: { color: markFills.error.color, pattern: markFills.error.pattern },
  warning: { color: markFills.warning.color, pattern: markFills.warning.pattern },
};

const WHITE = '#FFFFFF';

/**
 * True when the fill is "no fill", restored with fill.clear() rather than a colour: pattern
 * "None" — or, where the host gives no pattern, white (how "No Fill" comes back, office-js #6218).
 */
export function isNoFill(fill: Fill): boolean {
  if (fill.pattern === null) return fill.color.toUpperCase() === WHITE;
  return fill.pattern === 'None' || fill.pattern === '';
}

/** True when two fills look the same (colours compared case-insensitively; an unknown pattern matches any). */
export function sameFill(a: Fill, b: Fill): boolean {
  if (isNoFill(a) || isNoFill(b)) return isNoFill(a) && isNoFill(b);
  if (a.color.toUpperCase() !== b.color.toUpperCase()) return false;
  return a.pattern === null || b.pattern === null || a.pattern === b.pattern;
}

/**
 * True when a cell shows one of our mark fills (by colour alone when the host gives no pattern).
 * Restoring is done only over such a cell: a fill the user put on a marked cell is newer than our
 * mark and wins, and after rows were inserted or deleted above it a stored address may name
 * another cell, which must not be painted.
 */
export function isMarkFill(fill: Fill | null): boolean {
  return fill !== null && Object.values(MARK_FILLS).some((m) => sameFill(m, fill));
}

/** A fill as it is recorded as an original: an unknown pattern is "no fill" on white, else solid. */
export function recordedFill(fill: Fill): { color: string; pattern: string } {
  if (isNoFill(fill)) return { color: WHITE, pattern: 'None' };
  return { color: fill.color, pattern: fill.pattern ?? 'Solid' };
}

/**
 * Bytes one queued fill write (range, colour, pattern) adds to a request: office.js's own
 * serializer puts ~690 on the wire per write in a 10,000-write request (test/addin/excel/
 * requestSize.test.ts measures it); 800 leaves room for the growing object ids of larger batches.
 */
export const FILL_WRITE_BYTES = 800;

/**
 * Queues fill writes as few ranges as possible: cells with the same fill in one column and
 * consecutive rows are one range ("M5:M5004"), so a pasted column of bad values is one write.
 * "No fill" is fill.clear(); other fills set colour, then pattern (RangeFill, ExcelApi 1.9).
 * Returns the queued writes as closures, so the caller can spread them over requests.
 */
export function fillWrites(
  sheet: Excel.Worksheet,
  cells: readonly (CellPosition & { fill: Fill })[],
): (() => void)[] {
  const byFill = new Map<
    string,
    { fill: { color: string; pattern: string }; cells: CellPosition[] }
  >();
  for (const c of cells) {
    const fill = recordedFill(c.fill);
    const id = isNoFill(fill) ? 'none' : `${fill.color.toUpperCase()}|${fill.pattern}`;
    const group = byFill.get(id) ?? { fill, cells: [] };
    group.cells.push(c);
    byFill.set(id, group);
  }
  const writes: (() => void)[] = [];
  for (const { fill, cells: group } of byFill.values()) {
    for (const address of columnRuns(group)) {
      writes.push(() => {
        const f = sheet.getRange(address).format.fill;
        if (isNoFill(fill)) f.clear();
        else {
          f.color = fill.color;
          f.pattern = fill.pattern as Excel.FillPattern;
        }
      });
    }
  }
  return writes;
}

/** Queues all fill writes at once (see {@link fillWrites}). */
export function queueFills(
  sheet: Excel.Worksheet,
  cells: readonly (CellPosition & { fill: Fill })[],
): void {
  for (const write of fillWrites(sheet, cells)) write();
}

/** Addresses of vertical runs of adjacent cells ("M5:M9", or "M5" alone). */
function columnRuns(cells: readonly CellPosition[]): string[] {
  const unique = new Map<string, CellPosition>();
  for (const c of cells) unique.set(`${c.column}:${c.row}`, c);
  const sorted = [...unique.values()].sort((a, b) => a.column - b.column || a.row - b.row);
  const out: string[] = [];
  let start: CellPosition | null = null;
  let prev: CellPosition | null = null;
  const flush = (): void => {
    if (!start || !prev) return;
    const first = formatA1(start);
    out.push(start.row === prev.row ? first : `${first}:${formatA1(prev)}`);
  };
  for (const c of sorted) {
    if (prev && start && c.column === prev.column && c.row === prev.row + 1) prev = c;
    else {
      flush();
      start = c;
      prev = c;
    }
  }
  flush();
  return out;
}

/** Above this many cells the covering range is read row by row (same sync), to keep the response small. */
const COVERING_RANGE_MAX_CELLS = 20_000;

const FILL_PROPERTIES = { format: { fill: { color: true, pattern: true } } };

/**
 * Queues the reads of the current fill of `cells`: one getCellProperties over their covering
 * range, or, when that range is huge and sparse (marks scattered over thousands of rows), one
 * per row over that row's marked span — still within the same sync. Returns a lookup for after it.
 */
export function queueFillReads(
  sheet: Excel.Worksheet,
  cells: readonly CellPosition[],
): (pos: CellPosition) => Fill | null {
  const box = coveringBox(cells);
  if (!box) return () => null;
  const blocks: {
    top: number;
    left: number;
    result: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  }[] = [];
  if (box.rows * box.columns <= COVERING_RANGE_MAX_CELLS) {
    const result = sheet
      .getRangeByIndexes(box.top - 1, box.left - 1, box.rows, box.columns)
      .getCellProperties(FILL_PROPERTIES);
    blocks.push({ top: box.top, left: box.left, result });
  } else {
    const spans = new Map<number, { left: number; right: number }>();
    for (const c of cells) {
      const s = spans.get(c.row);
      spans.set(
        c.row,
        s
          ? { left: Math.min(s.left, c.column), right: Math.max(s.right, c.column) }
          : { left: c.column, right: c.column },
      );
    }
    for (const [row, s] of spans) {
      const result = sheet
        .getRangeByIndexes(row - 1, s.left - 1, 1, s.right - s.left + 1)
        .getCellProperties(FILL_PROPERTIES);
      blocks.push({ top: row, left: s.left, result });
    }
  }
  const byRow = new Map(blocks.map((b) => [b.top, b]));
  return (pos) => {
    const b = blocks.length === 1 ? blocks[0]! : byRow.get(pos.row);
    const fill = b?.result.value[pos.row - b.top]?.[pos.column - b.left]?.format?.fill;
    // pattern null: the host did not say (office-js #6218, #4900) — kept unknown, not "None".
    return fill ? { color: fill.color ?? WHITE, pattern: fill.pattern ?? null } : null;
  };
}
