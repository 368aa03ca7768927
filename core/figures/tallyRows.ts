/** The core's evaluation of the tallies: plain loops over a sheet's data rows (the pipeline compiles the same tallies into arquero). */
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
  // The rows of a sheet share their fields: each term's position, once.
  const fields = (villages[0] ?? levelRow)?.fields ?? [];
  const at = tallies.map((t) => (t.term.kind === 'row' ? -1 : fields.indexOf(t.term.field)));
  for (const row of villages)
    for (let i = 0; i < tallies.length; i++)
      out[i]! += termOf(tallies[i]!.term, row.values, at[i]!);
  if (levelRow)
    for (let i = 0; i < tallies.length; i++)
      if (tallies[i]!.rows === 'all') out[i]! += termOf(tallies[i]!.term, levelRow.values, at[i]!);
  return out;
}
