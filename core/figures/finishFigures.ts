/** Turns the tallies of one unit (a sheet, a township, the county) into its figures: shared by the core and the pipeline. */
import type { FigureList, Figures, RatePart, SheetCadres, SheetRates } from './types';

/** A mean to 2 decimals, rounded half up from the exact quotient (money: `sum` in cents). */
function mean(sum: number, n: number, money: boolean): number {
  if (n === 0) return 0;
  // Whole-number tallies: the quotient below is exact at a half, so Math.round rounds it up.
  return Math.round(money ? sum / n : (sum * 100) / n) / 100;
}

/** The figures from `tally(i)`, the value of tally i (a sum of whole numbers, money in cents). */
export function finishFigures(list: FigureList, tally: (i: number) => number): Figures {
  const villages = tally(list.villages);
  const totals: Record<string, number> = {};
  for (const t of list.totals) totals[t.id] = t.money ? tally(t.tally) / 100 : tally(t.tally);
  const cadres: Record<string, number | Record<string, number>> = {};
  for (const f of list.cadres) {
    if (f.kind === 'count') cadres[f.id] = tally(f.tally);
    else if (f.kind === 'sum') cadres[f.id] = f.money ? tally(f.tally) / 100 : tally(f.tally);
    else if (f.kind === 'mean') cadres[f.id] = mean(tally(f.sum), tally(f.n), f.money);
    else {
      const bands: Record<string, number> = {};
      for (const b of f.bands) bands[b.id] = tally(b.tally);
      cadres[f.id] = bands;
    }
  }
  const value = (p: RatePart): number => ('tally' in p ? tally(p.tally) : (totals[p.total] ?? 0));
  const rates: Record<string, number | null> = {};
  for (const r of list.rates) {
    const den = value(r.denominator);
    rates[r.id] = den === 0 ? null : value(r.numerator) / den;
  }
  // The schema file declares the keys of SheetCadres and SheetRates (loadSchema checked a copy's references).
  return { villages, totals, cadres: cadres as SheetCadres, rates: rates as SheetRates };
}
