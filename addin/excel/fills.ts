/** Cell fills: the two mark styles, and batched writes of fills by row runs (no sync here). */
import type { Severity } from '../../core/types';
import { groupIntoRuns, type CellPosition } from './address';

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
