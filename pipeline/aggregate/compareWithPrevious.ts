/** The change against the previous year's summary.json (`--previous`). Pure. */
import type { SummaryJson } from '../summaryTypes';
import { round2 } from './assembleFigures';

/** What the comparison needs of the previous summary (checked when read). */
export type PreviousSummary = Pick<SummaryJson, 'year' | 'totals' | 'rates'>;

/**
 * Change per total (current − previous; money kept to 2 decimals; totals the previous year
 * lacks are left out) and per rate (difference in fraction points, null when either is null,
 * not rounded).
 */
export function compareWithPrevious(
  current: { totals: Record<string, number>; rates: Record<string, number | null> },
  previous: PreviousSummary,
  moneyIds: ReadonlySet<string>,
): NonNullable<SummaryJson['previous']> {
  const totals: Record<string, number> = {};
  for (const [id, value] of Object.entries(current.totals)) {
    const before = previous.totals[id];
    if (typeof before !== 'number') continue;
    totals[id] = moneyIds.has(id) ? round2(value - before) : value - before;
  }
  const rates: Record<string, number | null> = {};
  for (const [id, value] of Object.entries(current.rates)) {
    const before = previous.rates[id];
    rates[id] = value === null || typeof before !== 'number' ? null : value - before;
  }
  return { year: previous.year, change: { totals, rates } };
}
