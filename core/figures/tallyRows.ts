/** The core's evaluation of the tallies: plain loops over a sheet's data rows (the pipeline compiles the same tallies into arquero). */
import { fieldPositions } from '../sheet/rowValues';
import type { DataRow, Value } from '../types';
import type { Tally, TallyTerm } from './types';

/** What one row adds to a tally (money in whole cents); `at` is the position of the term's field in the row's values (-1: the sheet has no such column). */
function termOf(term: TallyTerm, values: readonly Value[], at: number): number {
  if (term.kind === 'row') return 1;
  const v = at < 0 ? null : values[at];
  switch (term.kind) {
    case 'value':
      return typeof v !== 'number' ? 0 : term.money ? Math.round(v * 100) : v;
    case 'present':
      return typeof v === 'number' ? 1 : 0;
    case 'equals':
      return v === term.value ? 1 : 0;
    case 'range':
      return typeof v === 'number' &&
        (term.min === null || v >= term.min) &&
        (term.max === null || v <= term.max)
        ? 1
        : 0;
  }
}

/** Every tally over the village rows and (for tallies over all rows) the 本级 row. */
export function tallyRows(
  tallies: readonly Tally[],
  villages: readonly DataRow[],
  levelRow: DataRow | null,
): number[] {
  const out = tallies.map(() => 0);
  // Each term's position in a row's values (a row count reads none: '' is no column's id).
  const positions = fieldPositions(tallies.map((t) => (t.term.kind === 'row' ? '' : t.term.field)));
  const add = (row: DataRow, all: boolean): void => {
    const at = positions(row.fields);
    for (let i = 0; i < tallies.length; i++)
      if (!all || tallies[i]!.rows === 'all')
        out[i]! += termOf(tallies[i]!.term, row.values, at[i]!);
  };
  for (const row of villages) add(row, false);
  if (levelRow) add(levelRow, true);
  return out;
}
