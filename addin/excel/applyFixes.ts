/** 修正: writes the core's suggestions into the cells the user ticked, and nowhere else. */
import { groupIntoRuns, parseA1 } from './address';
import type { SheetRef } from './applyMarks';
import { syncRestoringEvents } from './syncRestoringEvents';

/** One confirmed fix: the cell, the value the user saw, and what replaces it. */
export interface CellFix {
  cell: string;
  /** The value as shown in the confirmation (the finding's `value`); the write is skipped if the cell changed since. */
  oldValue: string | null;
  /** The value to write; numbers for count/money/integer columns so Excel stores a number. */
  newValue: string | number | null;
}

/** What applyFixes did. */
export interface FixResult {
  written: string[];
  /** Cells left alone because their content changed after the list was made. */
  skipped: string[];
  /** Cells left alone because they hold a formula. */
  formulas: string[];
}

/** Writes the fixes (2 syncs: read the current values, then one batch of 2-D writes with events off). */
export async function applyFixes(
  context: Excel.RequestContext,
  target: SheetRef,
  fixes: readonly CellFix[],
): Promise<FixResult> {
  const usable = fixes.flatMap((f) => {
    const pos = parseA1(f.cell);
    return pos && f.newValue !== null && f.newValue !== '' ? [{ ...f, ...pos }] : [];
  });
  const sheet = context.workbook.worksheets.getItemOrNullObject(target.id || target.name);
  context.runtime.load('enableEvents');
  const ranges = usable.map((f) => {
    const range = sheet.getRange(f.cell);
    range.load(['values', 'formulas']);
    return { fix: f, range };
  });
  await context.sync();
  if (sheet.isNullObject) return { written: [], skipped: usable.map((f) => f.cell), formulas: [] };
  const eventsWereOn = context.runtime.enableEvents;

  // A formula cell is never overwritten (its shown value may well match the finding's); nor a
  // cell whose value changed since the list was made.
  const formulas = ranges.filter(({ range }) => isFormula(range.formulas[0]?.[0]));
  const ok = ranges
    .filter((r) => !formulas.includes(r) && sameValue(r.range.values[0]?.[0], r.fix.oldValue))
    .map((r) => r.fix);
  const skipped = ranges
    .filter((r) => !formulas.includes(r) && !ok.includes(r.fix))
    .map((r) => r.fix.cell);
  context.runtime.enableEvents = false;
  for (const run of groupIntoRuns(
    ok.map((f) => ({ row: f.row, column: f.column, item: f.newValue })),
  )) {
    sheet.getRange(run.address).values = [run.items];
  }
  context.runtime.enableEvents = eventsWereOn;
  await syncRestoringEvents(context, eventsWereOn);
  return { written: ok.map((f) => f.cell), skipped, formulas: formulas.map((r) => r.fix.cell) };
}

function isFormula(formula: unknown): boolean {
  return typeof formula === 'string' && formula.startsWith('=');
}

/** Compares a cell's current value with the finding's value as text (findings stringify values). */
function sameValue(current: unknown, shown: string | null): boolean {
  if (shown === null) return true;
  const text =
    typeof current === 'string' || typeof current === 'number' || typeof current === 'boolean'
      ? String(current)
      : '';
  return text === shown || text.trim() === shown.trim();
}
