/** Cell fills: the two mark styles, and batched writes of fills by row runs (no sync here). */
import type { Severity } from '../../core/types';
import { coveringBox, groupIntoRuns, type CellPosition } from './address';

/** A fill as getCellProperties reports it; pattern "None" is "no fill", which is not white. */
export interface Fill {
  color: string;
  pattern: string;
}

/**
 * The mark of each severity. Errors and warnings differ in pattern as well as colour (solid vs
 * diagonal stripes), so they stay distinct for colour-blind users and in grey-scale prints.
 */
export const MARK_FILLS: Record<Severity, Fill> = {
  error: { color: '#FFC7CE', pattern: 'Solid' },
  warning: { color: '#FFEB9C', pattern: 'LightUp' },
};

/** True when the fill is "no fill", restored with fill.clear() rather than a colour. */
export function isNoFill(fill: Fill): boolean {
  return fill.pattern === 'None' || fill.pattern === '';
}

/** True when two fills look the same (colours compared case-insensitively). */
export function sameFill(a: Fill, b: Fill): boolean {
  if (isNoFill(a) || isNoFill(b)) return isNoFill(a) && isNoFill(b);
  return a.color.toUpperCase() === b.color.toUpperCase() && a.pattern === b.pattern;
}

/**
 * True when a cell shows one of our mark fills. Restoring is done only over such a cell: a fill
 * the user put on a marked cell is newer than our mark and wins, and after rows were inserted or
 * deleted above it a stored address may name another cell, which must not be painted.
 */
export function isMarkFill(fill: Fill | null): boolean {
  return fill !== null && Object.values(MARK_FILLS).some((m) => sameFill(m, fill));
}

/**
 * Queues fill writes: "no fill" cells are cleared, others get colour and pattern through one
 * setCellProperties per run of adjacent cells in a row.
 */
export function queueFills(
  sheet: Excel.Worksheet,
  cells: readonly (CellPosition & { fill: Fill })[],
): void {
  const clear = cells
    .filter((c) => isNoFill(c.fill))
    .map((c) => ({ row: c.row, column: c.column, item: c.fill }));
  const set = cells
    .filter((c) => !isNoFill(c.fill))
    .map((c) => ({ row: c.row, column: c.column, item: c.fill }));
  for (const run of groupIntoRuns(clear)) sheet.getRange(run.address).format.fill.clear();
  for (const run of groupIntoRuns(set)) {
    const props: Excel.SettableCellProperties[][] = [
      run.items.map((f) => ({
        format: { fill: { color: f.color, pattern: f.pattern as Excel.FillPattern } },
      })),
    ];
    sheet.getRange(run.address).setCellProperties(props);
  }
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
    return fill
      ? { color: fill.color ?? '#FFFFFF', pattern: String(fill.pattern ?? 'None') }
      : null;
  };
}
