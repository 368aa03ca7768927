/** The core's evaluation of the tallies: plain loops over a sheet's data rows (the pipeline compiles the same tallies into arquero). */
import type { DataRow, Value } from '../types';
import type { Tally, TallyTerm } from './types';

/** What one row adds to a tally (money in whole cents). */
function termOf(term: TallyTerm, values: Readonly<Record<string, Value>>): number {
  if (term.kind === 'row') return 1;
  const v = values[term.field];
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
  for (const row of villages)
    for (let i = 0; i < tallies.length; i++) out[i]! += termOf(tallies[i]!.term, row.values);
  if (levelRow)
    for (let i = 0; i < tallies.length; i++)
      if (tallies[i]!.rows === 'all') out[i]! += termOf(tallies[i]!.term, levelRow.values);
  return out;
}
