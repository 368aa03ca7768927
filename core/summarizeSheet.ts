/** The sheet's own statistics (本表合计 in the add-in; the pipeline computes the same with arquero and cross-checks). */
import { round2 } from './normalize/parseCell';
import type { CadreCountId, DataRow, Schema, Value } from './types';
import type { ParsedSheet } from './types';

/** Cadre structure over village rows (pipeline/summaryTypes.ts reuses it as `Cadres`). */
export interface SheetCadres {
  female: number;
  male: number;
  fullTime: number;
  partTime: number;
  inCommittee: number;
  noPay: number;
  averageAge: number;
  averageAnnualPay: number;
  ageBands: Record<string, number>;
  education: Record<string, number>;
}

/** Rates per schema.rates, null when the denominator is 0 (pipeline/summaryTypes.ts reuses it as `Rates`). */
export interface SheetRates {
  fullTimeRate: number | null;
  committeeRate: number | null;
  womensHomeRate: number | null;
  childrensHomeRate: number | null;
  disputeResolutionRate: number | null;
  pledgeCompletionRate: number | null;
  /** Any further rate of schema.rates. */
  [id: string]: number | null;
}

/** What summarizeSheet returns. */
export interface SheetSummary {
  villages: number;
  totals: Record<string, number>;
  cadres: SheetCadres;
  rates: SheetRates;
}

const count = (rows: readonly DataRow[], field: string, value: Value): number =>
  rows.filter((r) => r.values[field] === value).length;

/** Mean of the numeric values of `field` over rows (invalid and blank cells left out), 2 decimals; 0 without values. */
function mean(rows: readonly DataRow[], field: string): number {
  const nums = rows.map((r) => r.values[field]).filter((v): v is number => typeof v === 'number');
  return nums.length === 0 ? 0 : round2(nums.reduce((a, b) => a + b, 0) / nums.length);
}

/** Totals, cadre figures and rates of one parsed sheet. Totals: summed columns over village rows + 本级 row; cadres: village rows only. */
export function summarizeSheet(sheet: ParsedSheet, schema: Schema): SheetSummary {
  const villages = sheet.villages;
  const summed = sheet.levelRow ? [...villages, sheet.levelRow] : villages;
  const totals: Record<string, number> = {};
  for (const c of schema.columns) {
    if (c.sum !== true) continue;
    let sum = 0;
    for (const r of summed) {
      const v = r.values[c.id];
      if (typeof v === 'number') sum += v;
    }
    totals[c.id] = c.type === 'money' ? round2(sum) : sum;
  }
  const ageBands: Record<string, number> = {};
  for (const band of schema.ageBands)
    ageBands[band.id] = villages.filter((r) => {
      const age = r.values.cadreAge;
      return (
        typeof age === 'number' &&
        (band.min === undefined || age >= band.min) &&
        (band.max === undefined || age <= band.max)
      );
    }).length;
  const education: Record<string, number> = {};
  for (const e of schema.columns.find((c) => c.id === 'cadreEducation')?.enum ?? [])
    education[e] = count(villages, 'cadreEducation', e);
  const cadreCount = (id: CadreCountId): number =>
    count(villages, schema.cadreCounts[id].field, schema.cadreCounts[id].equals);
  const cadres: SheetCadres = {
    female: cadreCount('female'),
    male: cadreCount('male'),
    fullTime: cadreCount('fullTime'),
    partTime: cadreCount('partTime'),
    inCommittee: cadreCount('inCommittee'),
    noPay: count(villages, 'cadreAnnualPay', 0),
    averageAge: mean(villages, 'cadreAge'),
    averageAnnualPay: mean(villages, 'cadreAnnualPay'),
    ageBands,
    education,
  };
  const rates: Record<string, number | null> = {};
  for (const rate of schema.rates) {
    const num =
      'field' in rate.numerator
        ? count(villages, rate.numerator.field, rate.numerator.equals)
        : (totals[rate.numerator.total] ?? 0);
    const den =
      rate.denominator === 'villages' ? villages.length : (totals[rate.denominator.total] ?? 0);
    rates[rate.id] = den === 0 ? null : num / den;
  }
  // The six contract rates come first (summary.json order); one missing from the schema reads as null.
  const named = {
    fullTimeRate: null,
    committeeRate: null,
    womensHomeRate: null,
    childrensHomeRate: null,
    disputeResolutionRate: null,
    pledgeCompletionRate: null,
  };
  return { villages: villages.length, totals, cadres, rates: { ...named, ...rates } };
}
